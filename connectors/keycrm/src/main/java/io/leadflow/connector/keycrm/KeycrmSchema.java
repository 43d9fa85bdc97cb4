package io.leadflow.connector.keycrm;

import static io.leadflow.spi.FieldSpec.of;
import static io.leadflow.spi.FieldType.*;

import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.CustomFieldStyle;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.RateLimit;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

/**
 * KeyCRM OpenAPI v1 as the rule language sees it (seed 001, shared/crm-apis.md §2).
 * Rule-file names are the API's own; nested API objects are flattened ({@code buyer_phone} →
 * {@code buyer.phone}, {@code utm_source} → {@code marketing.utm_source}, {@code payment_*} →
 * {@code payments[0].*}, {@code shipping_*} → {@code shipping.*}).
 * Custom fields are uuids: {@code deal_cf_OR_1037} (orders), {@code deal_cf_LD_12} (funnel cards),
 * {@code contact_cf_CT_5} (buyers); a bare number ({@code deal_cf_1037}) is read as the uuid suffix
 * with the entity's prefix — an assumption [U]: the reference says the suffix is usually the
 * field id, not always, so the connector first looks the number up in {@code GET /custom-fields}.
 * The API has no task route (spec 1.2.0), so there is no {@link Capability#CREATE_TASK} and no task schema.
 * No maximum lengths are documented, so none are declared.
 */
public final class KeycrmSchema {
    private KeycrmSchema() { }

    public static final EntitySchema BUYER = EntitySchema.of(EntityKind.CONTACT, "buyer", CustomFieldStyle.UUID,
            of("full_name", STRING).asRequired(),
            of("email", EMAIL).at("email[0]"),
            of("phone", PHONE).at("phone[0]"),
            of("birthday", DATE),
            of("note", TEXT),
            of("discount", NUMBER),
            of("company_id", INTEGER),
            of("manager_id", INTEGER));

    /**
     * An order ({@code POST /order}) or, in funnel mode, a pipeline card ({@code POST /pipelines/cards}).
     * {@code source_id} is required by the API but usually comes from the account setting
     * {@code source_id}, so the schema does not demand it; {@code status_id} is not a create field
     * and is set with a follow-up {@code PUT}; {@code title}, {@code pipeline_id} and
     * {@code communicate_at} only exist on cards.
     */
    public static final EntitySchema ORDER = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.UUID,
            of("source_id", INTEGER),
            of("source_uuid", STRING),
            of("status_id", INTEGER),
            of("buyer_name", STRING).at("buyer.full_name"),
            of("buyer_email", EMAIL).at("buyer.email"),
            of("buyer_phone", PHONE).at("buyer.phone"),
            of("manager_id", INTEGER),
            of("manager_comment", TEXT),
            of("buyer_comment", TEXT),
            of("promocode", STRING),
            of("discount_percent", NUMBER),
            of("discount_amount", NUMBER),
            of("shipping_price", NUMBER),
            of("wrap_price", NUMBER),
            of("gift_message", TEXT),
            of("is_gift", BOOLEAN),
            of("gift_wrap", BOOLEAN),
            of("taxes", NUMBER),
            of("ordered_at", DATETIME),
            of("delivery_service_id", INTEGER).at("shipping.delivery_service_id"),
            of("tracking_code", STRING).at("shipping.tracking_code"),
            of("shipping_service", STRING).at("shipping.shipping_service"),
            of("shipping_address_city", STRING).at("shipping.shipping_address_city"),
            of("shipping_address_country", STRING).at("shipping.shipping_address_country"),
            of("shipping_address_region", STRING).at("shipping.shipping_address_region"),
            of("shipping_address_zip", STRING).at("shipping.shipping_address_zip"),
            of("shipping_secondary_line", STRING).at("shipping.shipping_secondary_line"),
            of("shipping_receive_point", STRING).at("shipping.shipping_receive_point"),
            of("recipient_full_name", STRING).at("shipping.recipient_full_name"),
            of("recipient_phone", PHONE).at("shipping.recipient_phone"),
            of("warehouse_ref", STRING).at("shipping.warehouse_ref"),
            of("shipping_date", DATE).at("shipping.shipping_date"),
            of("utm_source", STRING).at("marketing.utm_source"),
            of("utm_medium", STRING).at("marketing.utm_medium"),
            of("utm_campaign", STRING).at("marketing.utm_campaign"),
            of("utm_term", STRING).at("marketing.utm_term"),
            of("utm_content", STRING).at("marketing.utm_content"),
            of("payment_method_id", INTEGER).at("payments[0].payment_method_id"),
            of("payment_method", STRING).at("payments[0].payment_method"),
            of("payment_amount", NUMBER).at("payments[0].amount"),
            of("payment_status", ENUM).oneOf("paid", "not_paid", "canceled").at("payments[0].status"),
            of("payment_description", STRING).at("payments[0].description"),
            of("payment_date", DATETIME).at("payments[0].payment_date"),
            of("title", STRING),
            of("pipeline_id", INTEGER),
            of("communicate_at", DATETIME));

    /** Deal fields that only exist on funnel cards; an order ignores them. */
    public static final java.util.Set<String> CARD_ONLY = java.util.Set.of("title", "pipeline_id", "communicate_at");

    /** Deal fields {@code PUT /order/{id}} accepts [C]; the others are create-only and are left out of an update. */
    public static final java.util.Set<String> ORDER_UPDATABLE = java.util.Set.of("status_id", "manager_id",
            "manager_comment", "buyer_comment", "discount_percent", "discount_amount", "delivery_service_id",
            "tracking_code", "shipping_service", "shipping_address_city", "shipping_address_country",
            "shipping_address_region", "shipping_address_zip", "shipping_secondary_line", "shipping_receive_point",
            "recipient_full_name", "recipient_phone", "warehouse_ref", "shipping_date");

    /** One line of {@code products}; matched to the catalogue by SKU on KeyCRM's side. */
    public static final EntitySchema PRODUCT = EntitySchema.of(EntityKind.PRODUCT, "products", CustomFieldStyle.NONE,
            of("sku", STRING),
            of("name", STRING),
            of("price", NUMBER),
            of("purchased_price", NUMBER),
            of("discount_percent", NUMBER),
            of("discount_amount", NUMBER),
            of("quantity", NUMBER),
            of("unit_type", STRING),
            of("comment", TEXT),
            of("picture", STRING),
            of("properties", LIST));

    public static final RateLimit RATE_LIMIT = new RateLimit(60, Duration.ofMinutes(1), true,
            "openapi.keycrm.app spec 1.2.0: up to 60 requests per minute per IP per API key");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("keycrm", "KeyCRM",
            EnumSet.of(Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.CREATE_CONTACT, Capability.UPDATE_CONTACT, Capability.CREATE_DEAL,
                    Capability.UPDATE_DEAL, Capability.STATUS_GROUPS, Capability.MARKER, Capability.PIPELINES),
            Map.of(EntityKind.CONTACT, BUYER, EntityKind.DEAL, ORDER, EntityKind.PRODUCT, PRODUCT),
            RATE_LIMIT);
}

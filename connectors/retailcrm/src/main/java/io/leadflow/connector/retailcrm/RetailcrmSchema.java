package io.leadflow.connector.retailcrm;

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
 * RetailCRM API v5 as the rule language sees it (seeds 002/004, shared/crm-apis.md §1).
 * Rule-file names are the API's own (camelCase); nested objects are flattened:
 * {@code phone} → {@code phones[0].number} on a customer, {@code utm_*} → {@code source.*},
 * {@code delivery_*} → {@code delivery.*}, {@code payment_*} → {@code payments[0].*}.
 * Custom fields are symbolic codes: {@code deal_cf_ct_site_id} → {@code customFields.ct_site_id}.
 * The reference documents no maximum lengths, so none are declared; status, order type and
 * order method codes are the account's own and are not a closed set here.
 */
public final class RetailcrmSchema {
    private RetailcrmSchema() { }

    public static final EntitySchema CUSTOMER = EntitySchema.of(EntityKind.CONTACT, "customer",
            CustomFieldStyle.SYMBOLIC_CODE,
            of("firstName", STRING),
            of("lastName", STRING),
            of("patronymic", STRING),
            of("email", EMAIL),
            of("phone", PHONE).at("phones[0].number"),
            of("externalId", STRING),
            of("managerId", INTEGER),
            of("birthday", DATE),
            of("vip", BOOLEAN),
            of("bad", BOOLEAN),
            of("address", TEXT).at("address.text"),
            of("utm_source", STRING).at("source.source"),
            of("utm_medium", STRING).at("source.medium"),
            of("utm_campaign", STRING).at("source.campaign"),
            of("utm_term", STRING).at("source.keyword"),
            of("utm_content", STRING).at("source.content"));

    public static final EntitySchema ORDER = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.SYMBOLIC_CODE,
            of("number", STRING),
            of("externalId", STRING),
            of("status", STRING),
            of("orderType", STRING),
            of("orderMethod", STRING),
            of("firstName", STRING),
            of("lastName", STRING),
            of("patronymic", STRING),
            of("phone", PHONE),
            of("email", EMAIL),
            of("managerId", INTEGER),
            of("customerComment", TEXT),
            of("managerComment", TEXT),
            of("discountManualAmount", NUMBER),
            of("discountManualPercent", NUMBER),
            of("utm_source", STRING).at("source.source"),
            of("utm_medium", STRING).at("source.medium"),
            of("utm_campaign", STRING).at("source.campaign"),
            of("utm_term", STRING).at("source.keyword"),
            of("utm_content", STRING).at("source.content"),
            of("delivery_code", STRING).at("delivery.code"),
            of("delivery_cost", NUMBER).at("delivery.cost"),
            of("delivery_address", TEXT).at("delivery.address.text"),
            of("payment_type", STRING).at("payments[0].type"),
            of("payment_status", STRING).at("payments[0].status"),
            of("payment_amount", NUMBER).at("payments[0].amount"));

    /**
     * One line of {@code items}; the offer is matched by id, external id or article (SKU). {@code id}
     * names an item the order has (an order edit); {@code properties} is the item's list of
     * {@code {code, name, value}} [U: not in crm-apis.md; the API's item properties as its docs show them].
     */
    public static final EntitySchema ITEM = EntitySchema.of(EntityKind.PRODUCT, "items", CustomFieldStyle.NONE,
            of("id", INTEGER).at("id"),
            of("properties", LIST).at("properties"),
            of("productName", STRING),
            of("quantity", NUMBER),
            of("initialPrice", NUMBER),
            of("discountManualAmount", NUMBER),
            of("sku", STRING).at("offer.article"),
            of("offer_id", INTEGER).at("offer.id"),
            of("offer_externalId", STRING).at("offer.externalId"),
            of("comment", TEXT));

    /** {@code POST /tasks/create}; {@code datetime} is sent as {@code Y-m-d H:i}. */
    public static final EntitySchema TASK = EntitySchema.of(EntityKind.TASK, "task", CustomFieldStyle.NONE,
            of("text", STRING).asRequired(),
            of("commentary", TEXT),
            of("datetime", DATETIME),
            of("performerId", INTEGER),
            of("phone", PHONE));

    public static final RateLimit RATE_LIMIT = new RateLimit(10, Duration.ofSeconds(1), true,
            "retailcrm api-client-go: 10 requests per second per API key; over the limit HTTP 503");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("retailcrm", "RetailCRM",
            EnumSet.of(Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.CREATE_CONTACT, Capability.UPDATE_CONTACT, Capability.CREATE_DEAL,
                    Capability.UPDATE_DEAL, Capability.CREATE_TASK, Capability.STATUS_GROUPS, Capability.MARKER),
            Map.of(EntityKind.CONTACT, CUSTOMER, EntityKind.DEAL, ORDER, EntityKind.PRODUCT, ITEM,
                    EntityKind.TASK, TASK),
            RATE_LIMIT);
}

package io.leadflow.connector.mindbox;

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
 * Mindbox v3 as the rule language sees it (seed 004; shared crm-apis section 5). A {@code customer}
 * block is one customer sent through "get existing" then "edit" or "import"; an {@code order} block
 * is one order operation chosen per lead by {@code step} (the seed's "statuses with calculate /
 * begin + commit / begin + commit passing the RetailCRM discount / update item statuses", written
 * as a table from RetailCRM status to step in the rule file). Custom fields are Mindbox additional
 * fields by system name ({@code contact_cf_city} → {@code customer.customFields.city}), which is how
 * the seed's "extra fields" (registration date, city, order address, delivery code, client type)
 * are mapped. Identifier names (which Mindbox identifier holds the RetailCRM id) are account
 * settings ({@link MindboxSettings}). Mindbox has no lookup for the rule language's {@code find}.
 */
public final class MindboxSchema {
    private MindboxSchema() { }

    /** The steps of an order block; see {@link MindboxOrders}. */
    public static final String CALCULATE = "calculate";
    public static final String COMMIT = "commit";
    public static final String COMMIT_WITH_DISCOUNT = "commit_with_discount";
    public static final String ITEM_STATUSES = "item_statuses";

    public static final EntitySchema CUSTOMER = EntitySchema.of(EntityKind.CONTACT, "customer", CustomFieldStyle.SYMBOLIC_CODE,
            of("retailcrm_id", STRING).asRequired().at("customer.ids.<customer_id>"),
            of("mindbox_id", INTEGER).at("customer.ids.<customer_internal_id>"),
            of("email", EMAIL).at("customer.email"),
            of("phone", PHONE).at("customer.mobilePhone"),
            of("first_name", STRING).at("customer.firstName"),
            of("last_name", STRING).at("customer.lastName"),
            of("middle_name", STRING).at("customer.middleName"),
            of("birth_date", DATE).at("customer.birthDate"),
            of("subscribe", BOOLEAN).at("customer.subscriptions[0].isSubscribed"),
            of("confirm_phone", BOOLEAN).at("operation customer_confirm_phone"),
            of("import_only", BOOLEAN).at("no edit when found"));

    public static final EntitySchema ORDER = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.SYMBOLIC_CODE,
            of("step", STRING).asRequired().oneOf(CALCULATE, COMMIT, COMMIT_WITH_DISCOUNT, ITEM_STATUSES),
            of("order_id", STRING).asRequired().at("order.ids.<order_id>"),
            of("order_number", STRING).at("order.ids.<order_number_id>"),
            of("customer_id", STRING).at("customer.ids.<customer_id>"),
            of("email", EMAIL).at("customer.email"),
            of("phone", PHONE).at("customer.mobilePhone"),
            of("total_price", NUMBER).at("order.totalPrice"),
            of("delivery_cost", NUMBER).at("order.deliveryCost"),
            of("promo_code", STRING).at("order.coupons[0].ids.code"),
            of("bonus_points", NUMBER).at("order.bonusPoints[0].amount"),
            of("discount", NUMBER).at("order.discounts[0].amount"),
            of("discount_id", STRING).at("order.discounts[0].externalPromoAction.ids.externalId"),
            of("point_of_contact", STRING).at("order.pointOfContact.ids.externalId"),
            of("retailcrm_discount_field", STRING).at("RetailCRM order customFields code"),
            of("retailcrm_promo_field", STRING).at("RetailCRM order customFields code"),
            of("retailcrm_bonus_field", STRING).at("RetailCRM order customFields code"),
            of("retailcrm_price_property", STRING).at("RetailCRM order items[].properties[].code"),
            of("retailcrm_price_property_name", STRING).at("RetailCRM order items[].properties[].name"));

    /** One order line ({@code products from lead.order.items as item { … }}). */
    public static final EntitySchema LINE = EntitySchema.of(EntityKind.PRODUCT, "lines", CustomFieldStyle.NONE,
            of("product_id", STRING).asRequired().at("lines[].product.ids.<product_id>"),
            of("price", NUMBER).asRequired().at("lines[].basePricePerItem"),
            of("quantity", NUMBER).at("lines[].quantity"),
            of("line_id", STRING).at("lines[].lineId"),
            of("status", STRING).at("lines[].status.ids.externalId"),
            of("service", BOOLEAN).at("lines[].quantity = price x quantity, basePricePerItem 1"),
            of("retailcrm_properties", ANY).at("RetailCRM items[].properties, kept"));

    /**
     * Mindbox documents no general rate limit [U]; Leadflow keeps to 10 requests per second per
     * account (its own choice, not Mindbox's figure; an account's {@code rate_limit} setting changes it).
     */
    public static final RateLimit RATE_LIMIT = new RateLimit(10, Duration.ofSeconds(1), false,
            "unconfirmed: Mindbox documents no general limit; Leadflow's own cautious choice");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("mindbox", "Mindbox",
            EnumSet.of(Capability.CREATE_CONTACT, Capability.CREATE_DEAL),
            Map.of(EntityKind.CONTACT, CUSTOMER, EntityKind.DEAL, ORDER, EntityKind.PRODUCT, LINE),
            RATE_LIMIT);
}

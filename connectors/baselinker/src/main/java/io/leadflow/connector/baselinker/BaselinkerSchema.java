package io.leadflow.connector.baselinker;

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
 * Baselinker's {@code addOrder} as the rule language sees it (seed 003, shared/crm-apis.md §3).
 * Baselinker has no contact or order lookup in the order API, so the only capability is
 * creating orders: every lead becomes a new order, and {@code find} is a compile error.
 * A rule file's {@code deal_cf_<id>} is an extra field id, sent in {@code custom_extra_fields}.
 */
public final class BaselinkerSchema {
    private BaselinkerSchema() { }

    public static final EntitySchema ORDER = EntitySchema.of(EntityKind.DEAL, "order", CustomFieldStyle.NUMERIC_ID,
            of("order_status_id", INTEGER),
            of("custom_source_id", INTEGER),
            of("date_add", INTEGER),
            of("currency", CURRENCY).max(3),
            of("payment_method", STRING).max(30),
            of("payment_method_cod", BOOLEAN),
            of("paid", BOOLEAN),
            of("user_comments", TEXT).max(510),
            of("admin_comments", TEXT).max(200),
            of("email", EMAIL).max(150),
            of("phone", PHONE).max(100),
            of("user_login", STRING).max(30),
            of("delivery_method", STRING).max(30),
            of("delivery_price", NUMBER),
            of("delivery_fullname", STRING).max(100),
            of("delivery_company", STRING).max(100),
            of("delivery_address", STRING).max(156),
            of("delivery_postcode", STRING).max(20),
            of("delivery_city", STRING).max(100),
            of("delivery_state", STRING).max(20),
            of("delivery_country_code", COUNTRY).max(2),
            of("delivery_point_id", STRING).max(40),
            of("delivery_point_name", STRING).max(100),
            of("delivery_point_address", STRING).max(100),
            of("delivery_point_postcode", STRING).max(20),
            of("delivery_point_city", STRING).max(100),
            of("invoice_fullname", STRING).max(200),
            of("invoice_company", STRING).max(200),
            of("invoice_nip", STRING).max(100),
            of("invoice_address", STRING).max(250),
            of("invoice_postcode", STRING).max(20),
            of("invoice_city", STRING).max(100),
            of("invoice_state", STRING).max(20),
            of("invoice_country_code", COUNTRY).max(2),
            of("want_invoice", BOOLEAN),
            of("extra_field_1", STRING).max(50),
            of("extra_field_2", STRING).max(50));

    /** One line of {@code products}; linked to the inventory by SKU (seed 003). */
    public static final EntitySchema PRODUCT = EntitySchema.of(EntityKind.PRODUCT, "products", CustomFieldStyle.NONE,
            of("storage", STRING).oneOf("db", "shop", "warehouse"),
            of("storage_id", INTEGER),
            of("product_id", STRING),
            of("variant_id", STRING),
            of("name", STRING).max(200).asRequired(),
            of("sku", STRING).max(50),
            of("ean", STRING).max(32),
            of("location", STRING).max(50),
            of("warehouse_id", INTEGER),
            of("attributes", STRING).max(350),
            of("price_brutto", NUMBER),
            of("tax_rate", NUMBER),
            of("quantity", INTEGER).asRequired(),
            of("weight", NUMBER));

    public static final RateLimit RATE_LIMIT =
            new RateLimit(100, Duration.ofMinutes(1), true, "api.baselinker.com: 100 requests per minute per token");

    public static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("baselinker", "Baselinker",
            EnumSet.of(Capability.CREATE_DEAL),
            Map.of(EntityKind.DEAL, ORDER, EntityKind.PRODUCT, PRODUCT),
            RATE_LIMIT);
}

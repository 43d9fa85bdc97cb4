package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * RetailCRM customers and orders as the engine's found records, with rule-file field names
 * ({@code customFields.ct_site_id} → {@code deal_cf_ct_site_id}). Dates are {@code Y-m-d H:i:s};
 * the account's time zone is not in the API's answers, so they are read as UTC — fine for
 * ordering records of one account.
 */
final class RetailcrmRecords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RetailcrmRecords() { }

    static FoundContact contact(JsonObject customer) {
        ObjectNode fields = read(customer, RetailcrmSchema.CUSTOMER, RetailcrmBodies.CONTACT_CF);
        return new FoundContact(text(customer.getValue("id")), time(customer.getValue("createdAt")),
                text(customer.getValue("managerId")), fields);
    }

    /** @param marker the flow's marker field ({@code deal_cf_<code>}), or null */
    static FoundDeal deal(JsonObject order, StatusGroup group, String marker) {
        ObjectNode fields = read(order, RetailcrmSchema.ORDER, RetailcrmBodies.DEAL_CF);
        boolean marked = marker != null && fields.hasNonNull(marker) && !fields.get(marker).asText().isBlank();
        JsonObject customer = order.getJsonObject("customer", new JsonObject());
        return new FoundDeal(text(order.getValue("id")), text(customer.getValue("id")), time(order.getValue("createdAt")),
                text(order.getValue("managerId")), text(order.getValue("status")), group, marked, fields);
    }

    private static ObjectNode read(JsonObject record, EntitySchema schema, String cfPrefix) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (FieldSpec spec : schema.fields().values()) put(fields, spec.name(), ApiPaths.get(record, spec.apiPath()));
        JsonObject custom = record.getValue("customFields") instanceof JsonObject c ? c : new JsonObject();
        custom.forEach(e -> put(fields, cfPrefix + e.getKey(), e.getValue()));
        return fields;
    }

    private static void put(ObjectNode fields, String name, Object v) {
        if (v instanceof Number n) fields.put(name, new BigDecimal(n.toString()));
        else if (v instanceof Boolean b) fields.put(name, b);
        else if (v != null) fields.put(name, String.valueOf(v));
    }

    static Instant time(Object text) {
        if (text == null) return null;
        try {
            return LocalDateTime.parse(String.valueOf(text), TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}

package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** KeyCRM answers (buyers, orders) as the engine's found records, with rule-file field names. */
final class KeycrmRecords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private KeycrmRecords() { }

    static FoundContact contact(JsonObject buyer) {
        ObjectNode fields = readFields(buyer, KeycrmSchema.BUYER);
        KeycrmCustomFields.readBack(buyer.getJsonArray("custom_fields"), KeycrmBodies.CONTACT_CF, fields);
        return new FoundContact(String.valueOf(buyer.getValue("id")), time(buyer.getString("created_at")),
                text(buyer.getValue("manager_id")), fields);
    }

    /** @param marker the flow's marker field ({@code deal_cf_OR_1040} or {@code deal_cf_1040}), or null */
    static FoundDeal deal(JsonObject order, String marker) {
        ObjectNode fields = readFields(order, KeycrmSchema.ORDER);
        KeycrmCustomFields.readBack(order.getJsonArray("custom_fields"), KeycrmBodies.DEAL_CF, fields);
        boolean marked = marker != null && fields.hasNonNull(marker) && !fields.get(marker).asText().isBlank();
        return new FoundDeal(String.valueOf(order.getValue("id")), buyerId(order),
                time(order.getString("created_at")), text(order.getValue("manager_id")),
                text(order.getValue("status_id")), group(order.getValue("status_group_id")), marked, fields);
    }

    /** The order's buyer, from {@code include=buyer} ({@code buyer.id} [C]); the order itself names none. */
    static String buyerId(JsonObject order) {
        return order.getValue("buyer") instanceof JsonObject b ? text(b.getValue("id")) : null;
    }

    /**
     * A funnel card ({@code include=contact,custom_fields}): its buyer is {@code contact.client_id}
     * [C, PipelineCardWithIncludes]; a card has no status group, only {@code is_finished} [C]: a
     * finished card reads as completed (won or lost is not told apart [U]), any other as open.
     */
    static FoundDeal card(JsonObject card, String marker) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String f : new String[] {"title", "manager_comment", "status_id", "source_id", "manager_id"}) {
            Object v = card.getValue(f);
            if (v != null) fields.put(f, String.valueOf(v));
        }
        KeycrmCustomFields.readBack(card.getJsonArray("custom_fields"), KeycrmBodies.DEAL_CF, fields);
        boolean marked = marker != null && fields.hasNonNull(marker) && !fields.get(marker).asText().isBlank();
        StatusGroup group = Boolean.TRUE.equals(card.getValue("is_finished")) ? StatusGroup.COMPLETED : StatusGroup.OPEN;
        return new FoundDeal(String.valueOf(card.getValue("id")), cardBuyerId(card), time(card.getString("created_at")),
                text(card.getValue("manager_id")), text(card.getValue("status_id")), group, marked, fields);
    }

    /** The card's buyer: {@code contact.client_id} (include=contact). */
    static String cardBuyerId(JsonObject card) {
        return card.getValue("contact") instanceof JsonObject c ? text(c.getValue("client_id")) : null;
    }

    /**
     * Status group ids are not enumerated in the spec; an exported real account shows
     * 5 = completed and 6 = cancelled, the rest (new, processing, production, delivery) open [P].
     */
    static StatusGroup group(Object statusGroupId) {
        String g = text(statusGroupId);
        if ("5".equals(g)) return StatusGroup.COMPLETED;
        if ("6".equals(g)) return StatusGroup.CANCELLED;
        return StatusGroup.OPEN;
    }

    private static ObjectNode readFields(JsonObject record, EntitySchema schema) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (FieldSpec spec : schema.fields().values()) {
            Object v = ApiPaths.get(record, spec.apiPath());
            if (v instanceof Number n) fields.put(spec.name(), new java.math.BigDecimal(n.toString()));
            else if (v instanceof Boolean b) fields.put(spec.name(), b);
            else if (v != null) fields.put(spec.name(), String.valueOf(v));
        }
        return fields;
    }

    static Instant time(String text) {
        if (text == null) return null;
        try {
            return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }
}

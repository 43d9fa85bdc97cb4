package io.leadflow.connector.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;

/**
 * An order block read as a shop status write: which order ({@code order_id}), which status, and
 * an optional comment. Shared by the shop targets (Shop-Express, Horoshop) that take the same block.
 */
public record StatusChange(String order, String status, String comment) {

    /** @throws PermanentException when the effect is not the order write or lacks the order or the status */
    public static StatusChange of(Effect effect) {
        if (!(effect instanceof CreateDeal deal)) {
            throw new PermanentException("a shop status target only sets an order's status; it cannot " + effect.describe(), null, 0);
        }
        String order = text(deal.fields().get("order_id"));
        String status = text(deal.fields().get("status"));
        if (order == null) throw new PermanentException("the order block gave no order_id (the shop's order number)", "order_id", 0);
        if (status == null) throw new PermanentException("the order block gave no status for order " + order
                + " (is the KeyCRM status missing from the table?)", "status", 0);
        return new StatusChange(order, status, text(deal.fields().get("comment")));
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.trim();
    }
}

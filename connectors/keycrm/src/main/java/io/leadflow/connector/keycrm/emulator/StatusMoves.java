package io.leadflow.connector.keycrm.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A status change of an order or a funnel card, however it happens (an API {@code PUT}, or a
 * manager in the UI through {@code POST /__emulator/orders/{id}/status}): the record's status
 * fields as KeyCRM keeps them, stored, and the trigger event for it fired.
 */
final class StatusMoves {
    private final KeycrmData data;
    private final KeycrmTriggers triggers;

    StatusMoves(KeycrmData data, KeycrmTriggers triggers) {
        this.data = data;
        this.triggers = triggers;
    }

    /** Sets an order's status fields ({@code status} is a known order status); does not store. */
    void order(JsonObject order, JsonObject status) {
        order.put("status_id", status.getInteger("id")).put("status_group_id", status.getInteger("group_id"))
                .put("status_changed_at", data.now())
                .put("closed_at", status.getBoolean("is_closing_order") ? data.now() : null);
    }

    /** Sets a card's status fields ({@code status} is a status of its funnel); does not store. */
    void card(JsonObject card, JsonObject status) {
        card.put("status_id", status.getLong("id")).put("is_finished", status.getBoolean("is_final"))
                .put("status_changed_at", data.now());
    }

    /** Stores the order and, when its status changed, fires {@code order.change_order_status}. */
    JsonObject storeOrder(JsonObject order, Object statusBefore) {
        JsonObject stored = data.putOrder(order);
        if (statusBefore != null && !String.valueOf(statusBefore).equals(String.valueOf(stored.getValue("status_id")))) {
            triggers.fire("order.change_order_status", orderContext(stored));
        }
        return stored;
    }

    /** Stores the card and, when its status changed, fires {@code lead.change_lead_status}. */
    JsonObject storeCard(JsonObject card, Object statusBefore) {
        JsonObject stored = data.putCard(card);
        if (statusBefore != null && !String.valueOf(statusBefore).equals(String.valueOf(stored.getValue("status_id")))) {
            triggers.fire("lead.change_lead_status", cardContext(stored));
        }
        return stored;
    }

    /** The order fields seen in real webhook contexts (crm-apis.md §2) [C for the names]. */
    private static JsonObject orderContext(JsonObject o) {
        JsonObject c = new JsonObject();
        for (String f : new String[] {"id", "source_uuid", "global_source_uuid", "status_on_source", "source_id", "client_id",
                "manager_id", "status_group_id", "status_id", "status_changed_at", "ordered_at", "created_at", "updated_at",
                "closed_at", "grand_total", "payment_status", "manager_comment", "buyer_comment", "promocode"}) {
            c.put(f, o.getValue(f));
        }
        return c;
    }

    /**
     * The card: {@code id, status_id, manager_id} are what is known [P]; the emulator also sends
     * {@code pipeline_id, source_id, title, status_changed_at} and the card's {@code custom_fields}
     * ({@code [{uuid, value}]}) [U], which is where a shop keeps its order number on a card.
     */
    private static JsonObject cardContext(JsonObject card) {
        JsonObject c = new JsonObject();
        for (String f : new String[] {"id", "status_id", "manager_id", "pipeline_id", "source_id", "title", "status_changed_at",
                "created_at", "updated_at"}) {
            c.put(f, card.getValue(f));
        }
        JsonArray fields = new JsonArray();
        for (Object o : card.getJsonArray("custom_fields", new JsonArray())) {
            JsonObject f = (JsonObject) o;
            fields.add(new JsonObject().put("uuid", f.getString("uuid")).put("value", f.getValue("value")));
        }
        return c.put("custom_fields", fields);
    }
}

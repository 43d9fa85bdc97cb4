package io.leadflow.connector.keycrm.webhook;

import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the body KeyCRM's "Send Webhook" trigger action POSTs: {@code {"event": "<name>",
 * "context": {…}}} [C for the format]. Events read: {@code order.change_order_status} [C],
 * {@code lead.change_lead_status} (funnel card) and {@code order.change_payment_status} [P];
 * any other event is returned as {@link KeycrmWebhookEvent.Kind#OTHER} so the endpoint can answer
 * 200 and ignore it. KeyCRM does not sign webhooks: the endpoint must authenticate the sender by
 * a token in its URL [P]. Stateless and thread-safe.
 */
public final class KeycrmWebhookParser {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** @throws IllegalArgumentException with a message fit for a 400 answer, when the body is not a KeyCRM webhook */
    public KeycrmWebhookEvent parse(Buffer body) {
        JsonObject root;
        try {
            root = body == null || body.length() == 0 ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("KeyCRM webhook body is not a JSON object");
        }
        if (root == null) throw new IllegalArgumentException("KeyCRM webhook body is empty");
        if (!(root.getValue("event") instanceof String event) || event.isBlank()) {
            throw new IllegalArgumentException("KeyCRM webhook has no \"event\" name");
        }
        if (!(root.getValue("context") instanceof JsonObject context)) {
            throw new IllegalArgumentException("KeyCRM webhook \"" + event + "\" has no \"context\" object");
        }
        KeycrmWebhookEvent.Kind kind = switch (event) {
            case "order.change_order_status" -> KeycrmWebhookEvent.Kind.ORDER_STATUS;
            case "lead.change_lead_status" -> KeycrmWebhookEvent.Kind.CARD_STATUS;
            case "order.change_payment_status" -> KeycrmWebhookEvent.Kind.ORDER_PAYMENT;
            default -> KeycrmWebhookEvent.Kind.OTHER;
        };
        String id = text(context, "id");
        if (kind != KeycrmWebhookEvent.Kind.OTHER && id == null) {
            throw new IllegalArgumentException("KeyCRM webhook \"" + event + "\" has no context.id");
        }
        boolean order = kind == KeycrmWebhookEvent.Kind.ORDER_STATUS || kind == KeycrmWebhookEvent.Kind.ORDER_PAYMENT;
        String groupId = text(context, "status_group_id");
        return new KeycrmWebhookEvent(event, kind, id, text(context, "status_id"),
                order && groupId != null ? group(groupId) : null, text(context, "source_uuid"), text(context, "source_id"),
                time(text(context, "status_changed_at")), context.copy());
    }

    /** Group ids 5 = completed and 6 = cancelled, the rest open [P: one exported real account]. */
    private static StatusGroup group(String id) {
        return switch (id) {
            case "5" -> StatusGroup.COMPLETED;
            case "6" -> StatusGroup.CANCELLED;
            default -> StatusGroup.OPEN;
        };
    }

    private static String text(JsonObject o, String key) {
        Object v = o.getValue(key);
        return v == null ? null : String.valueOf(v);
    }

    /** KeyCRM sends UTC times as {@code YYYY-MM-DD HH:MM:SS} [C]; an unreadable time is left out rather than failing the event. */
    private static Instant time(String text) {
        if (text == null) return null;
        try {
            return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

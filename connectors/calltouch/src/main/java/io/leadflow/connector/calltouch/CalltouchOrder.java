package io.leadflow.connector.calltouch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The order block as a Calltouch deal: {@code order_id} → {@code orderNumber} (the deal's external
 * id), {@code name} → {@code orderName}, {@code funnel}, {@code status}, {@code revenue} (sent as
 * text with two decimals, the reference's spelling), {@code manager_name} → {@code manager}, {@code created_at} →
 * {@code orderDate}, {@code status_changed_at} → {@code statusDate}; {@code phone} and {@code email}
 * are only the keys that link a new deal to its lead.
 */
record CalltouchOrder(String number, String name, String funnel, String status, String revenue, String manager,
                      Optional<LocalDateTime> createdAt, Optional<LocalDateTime> statusChangedAt, String phone, String email) {

    static CalltouchOrder of(Effect effect, ZoneId zone) {
        if (!(effect instanceof CreateDeal deal)) {
            throw new PermanentException("Calltouch only writes the deal of an order (create or update by order_id); it cannot "
                    + effect.describe(), null, 0);
        }
        ObjectNode f = deal.fields();
        String number = required(f, "order_id");
        return new CalltouchOrder(number, text(f.get("name")), required(f, "funnel"), required(f, "status"), revenue(f.get("revenue")),
                text(f.get("manager_name")), CalltouchDates.field(text(f.get("created_at")), "created_at", zone),
                CalltouchDates.field(text(f.get("status_changed_at")), "status_changed_at", zone), text(f.get("phone")), text(f.get("email")));
    }

    /** The fields both create and update send. */
    JsonObject common(LocalDateTime now) {
        JsonObject o = new JsonObject().put("orderNumber", number).put("funnel", funnel).put("status", status);
        if (name != null) o.put("orderName", name);
        if (revenue != null) o.put("revenue", revenue);
        if (manager != null) o.put("manager", manager);
        o.put("statusDate", CalltouchDates.DEAL_TIME.format(statusChangedAt.or(() -> createdAt).orElse(now)));
        return o;
    }

    /** When the order was made (the lead window ends here); now when the block gives no date. */
    LocalDateTime orderTime(LocalDateTime now) {
        return createdAt.orElse(now);
    }

    private static String required(ObjectNode f, String field) {
        String v = text(f.get(field));
        if (v == null) throw new PermanentException("the order block gave no " + field + " for the Calltouch deal", field, 0);
        return v;
    }

    private static String revenue(JsonNode v) {
        String t = text(v);
        if (t == null) return null;
        try {
            return new BigDecimal(t.replace(',', '.')).setScale(2, RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            throw new PermanentException("the order block's revenue '" + t + "' is not a number", "revenue", 0);
        }
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.trim();
    }
}

package io.leadflow.dsl.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ManagerState;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.StatusGroup;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the CRM holds before a lead arrives, the same shape for {@code test} blocks and
 * {@code explain --crm state.json}:
 * <pre>{"contacts": [{"id": 7, "phone": "+380…", "email": "…", "manager": 101, "created_at": "2025-01-02T10:00:00Z", …}],
 *  "deals": [{"id": 9, "contact": 7, "manager": 102, "status": "new", "group": "open", "marked": false, …}],
 *  "managers": {"sales": {"101": 4, "102": 3}}}</pre>
 * A deal's {@code group} is open (default), completed or cancelled; it counts as marked when
 * {@code marked} is true or the flow's marker field holds a value. Other keys are the record's fields.
 */
public record CrmState(List<FoundContact> contacts, List<FoundDeal> deals, ManagerState managers) {
    public static final CrmState EMPTY = new CrmState(List.of(), List.of(), ManagerState.EMPTY);
    private static final Set<String> CONTACT_KEYS = Set.of("id", "manager", "created_at");
    private static final Set<String> DEAL_KEYS = Set.of("id", "contact", "manager", "created_at", "status", "group", "marked");

    public CrmState {
        contacts = List.copyOf(contacts);
        deals = List.copyOf(deals);
    }

    /** @throws IllegalArgumentException with a readable message when the JSON does not have the shape above */
    public static CrmState fromJson(JsonNode root, String marker) {
        if (root == null || !root.isObject()) throw new IllegalArgumentException("CRM state must be a JSON object with contacts, deals, managers");
        List<FoundContact> cs = new ArrayList<>();
        for (JsonNode c : array(root, "contacts")) cs.add(contact(c));
        List<FoundDeal> ds = new ArrayList<>();
        for (JsonNode d : array(root, "deals")) ds.add(deal(d, marker));
        return new CrmState(cs, ds, managers(root.get("managers")));
    }

    public static FoundContact contact(JsonNode c) {
        requireObject(c, "contact");
        return new FoundContact(id(c, "contact"), instant(c.get("created_at")), text(c.get("manager")), rest(c, CONTACT_KEYS));
    }

    public static FoundDeal deal(JsonNode d, String marker) {
        requireObject(d, "deal");
        ObjectNode fields = rest(d, DEAL_KEYS);
        boolean marked = d.path("marked").asBoolean(false)
                || marker != null && fields.hasNonNull(marker) && !fields.get(marker).asText().isBlank();
        return new FoundDeal(id(d, "deal"), text(d.get("contact")), instant(d.get("created_at")), text(d.get("manager")),
                text(d.get("status")), group(d.get("group")), marked, fields);
    }

    public static ManagerState managers(JsonNode m) {
        if (m == null || m.isNull()) return ManagerState.EMPTY;
        requireObject(m, "managers");
        Map<String, Map<String, Long>> all = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            all.put(e.getKey(), counts(e.getKey(), e.getValue()));
        }
        return new ManagerState(all);
    }

    public static Map<String, Long> counts(String collection, JsonNode v) {
        requireObject(v, "managers " + collection);
        Map<String, Long> one = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong() || e.getValue().asLong() < 0) {
                throw new IllegalArgumentException("managers " + collection + ": count of " + e.getKey() + " must be a whole number ≥ 0");
            }
            one.put(e.getKey(), e.getValue().asLong());
        }
        return one;
    }

    static StatusGroup group(JsonNode g) {
        if (g == null || g.isNull()) return StatusGroup.OPEN;
        return switch (g.asText().toLowerCase(Locale.ROOT)) {
            case "open" -> StatusGroup.OPEN;
            case "completed", "complete" -> StatusGroup.COMPLETED;
            case "cancelled", "cancel", "canceled" -> StatusGroup.CANCELLED;
            default -> throw new IllegalArgumentException("deal group must be open, completed or cancelled, not '" + g.asText() + "'");
        };
    }

    private static Iterable<JsonNode> array(JsonNode root, String key) {
        JsonNode a = root.get(key);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw new IllegalArgumentException("'" + key + "' must be a list");
        return a;
    }

    private static String id(JsonNode n, String what) {
        String id = text(n.get("id"));
        if (id == null || id.isBlank()) throw new IllegalArgumentException("every " + what + " needs an id: " + n);
        return id;
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Instant instant(JsonNode n) {
        if (n == null || n.isNull()) return null;
        try {
            return OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("created_at must be an ISO date-time with offset (2025-03-01T10:00:00+02:00): " + n.asText());
        }
    }

    private static ObjectNode rest(JsonNode n, Set<String> fixed) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!fixed.contains(e.getKey())) o.set(e.getKey(), e.getValue());
        }
        return o;
    }

    private static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException(what + " must be an object, not " + n);
    }
}

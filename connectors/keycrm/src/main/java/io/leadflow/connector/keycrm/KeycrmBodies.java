package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Rule-file fields (names of {@link KeycrmSchema}) to KeyCRM request bodies. Null values are
 * left out (mapping null leaves a field alone); values are coerced to the schema's type, so a
 * {@code "3"} from a value table is sent as the number 3; a name the schema lacks is refused.
 */
final class KeycrmBodies {
    static final String DEAL_CF = "deal_cf_";
    static final String CONTACT_CF = "contact_cf_";
    private static final Map<String, String> CARD_CONTACT = Map.of(
            "buyer_name", "contact.full_name", "buyer_email", "contact.email", "buyer_phone", "contact.phone");
    private static final Set<String> CARD_FIELDS = Set.of("title", "source_id", "manager_id", "manager_comment",
            "pipeline_id", "communicate_at", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
            "payment_method_id", "payment_method", "payment_amount", "payment_status", "payment_description", "payment_date");

    private KeycrmBodies() { }

    /** The effect's fields as Vert.x JSON, without nulls. */
    static JsonObject fields(ObjectNode node) {
        JsonObject all = new JsonObject(node.toString());
        all.fieldNames().removeIf(k -> all.getValue(k) == null);
        return all;
    }

    static JsonObject buyer(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            if (e.getKey().startsWith(CONTACT_CF)) continue;
            FieldSpec spec = spec(KeycrmSchema.BUYER, e.getKey());
            ApiPaths.put(body, spec.apiPath(), coerce(spec, e.getValue()));
        }
        return body;
    }

    /** {@code POST /order}: everything but {@code status_id} (a follow-up PUT) and the card-only fields. */
    static JsonObject order(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            String name = e.getKey();
            if (name.startsWith(DEAL_CF) || name.equals("status_id") || KeycrmSchema.CARD_ONLY.contains(name)) continue;
            if (name.equals("products")) {
                body.put("products", products(e.getValue()));
                continue;
            }
            FieldSpec spec = spec(KeycrmSchema.ORDER, name);
            ApiPaths.put(body, spec.apiPath(), coerce(spec, e.getValue()));
        }
        return body;
    }

    /**
     * {@code POST /pipelines/cards}: the buyer goes into {@code contact}, UTM marks are top-level
     * [C]; order-only fields (shipping, gift, discounts…) have no place on a card and are left out.
     */
    static JsonObject card(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            String name = e.getKey();
            if (name.startsWith(DEAL_CF) || name.equals("status_id")) continue;
            if (name.equals("products")) {
                body.put("products", products(e.getValue()));
                continue;
            }
            FieldSpec spec = spec(KeycrmSchema.ORDER, name);
            if (CARD_CONTACT.containsKey(name)) ApiPaths.put(body, CARD_CONTACT.get(name), coerce(spec, e.getValue()));
            else if (name.startsWith("utm_")) body.put(name, coerce(spec, e.getValue()));
            else if (CARD_FIELDS.contains(name)) ApiPaths.put(body, spec.apiPath(), coerce(spec, e.getValue()));
        }
        return body;
    }

    /** {@code PUT /order/{id}}: only what the API lets change [C]; create-only fields are left out. */
    static JsonObject orderUpdate(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            String name = e.getKey();
            if (name.startsWith(DEAL_CF) || name.equals("products")) continue;
            FieldSpec spec = spec(KeycrmSchema.ORDER, name);
            if (KeycrmSchema.ORDER_UPDATABLE.contains(name)) ApiPaths.put(body, spec.apiPath(), coerce(spec, e.getValue()));
        }
        return body;
    }

    private static JsonArray products(Object value) {
        if (!(value instanceof JsonArray list)) throw new PermanentException("products must be a list of lines", "products", 0);
        JsonArray out = new JsonArray();
        for (Object line : list) {
            if (!(line instanceof JsonObject l)) throw new PermanentException("each product line must be an object", "products", 0);
            JsonObject p = new JsonObject();
            for (Map.Entry<String, Object> e : l) {
                if (e.getValue() == null) continue;
                FieldSpec spec = spec(KeycrmSchema.PRODUCT, e.getKey());
                p.put(spec.apiPath(), coerce(spec, e.getValue()));
            }
            out.add(p);
        }
        return out;
    }

    private static FieldSpec spec(EntitySchema schema, String name) {
        return schema.field(name).orElseThrow(() -> new PermanentException(
                "KeyCRM " + schema.apiName() + " has no field '" + name + "'", name, 0));
    }

    /** A text from a table or template sent to a number or boolean field becomes that number or boolean. */
    static Object coerce(FieldSpec spec, Object value) {
        if (!(value instanceof String s)) return value;
        String t = s.trim();
        try {
            return switch (spec.type()) {
                case INTEGER -> Long.valueOf(t);
                case NUMBER -> new BigDecimal(t);
                case BOOLEAN -> switch (t.toLowerCase()) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no", "" -> false;
                    default -> throw new NumberFormatException(t);
                };
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw new PermanentException("'" + s + "' is not a valid " + spec.type().name().toLowerCase()
                    + " for " + spec.name(), spec.name(), 0);
        }
    }
}

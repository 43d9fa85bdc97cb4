package io.leadflow.connector.keycrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.fields.ApiPaths;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-file fields (names of {@link KeycrmSchema}) to KeyCRM request bodies. Values are first
 * typed by the schema ({@link FieldValues}: {@code "3"} from a value table becomes 3, a name the
 * schema lacks is refused); nulls are left out (mapping null leaves a field alone); each field
 * then goes to its schema {@code apiPath}.
 */
final class KeycrmBodies {
    static final String DEAL_CF = "deal_cf_";
    static final String CONTACT_CF = "contact_cf_";
    private static final Map<String, String> CARD_CONTACT = Map.of(
            "buyer_name", "contact.full_name", "buyer_email", "contact.email", "buyer_phone", "contact.phone");
    private static final Set<String> CARD_FIELDS = Set.of("title", "source_id", "manager_id", "manager_comment",
            "pipeline_id", "communicate_at", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
            "payment_method_id", "payment_method", "payment_amount", "payment_status", "payment_description", "payment_date");

    private static final List<String> CARD_UPDATABLE = List.of("title", "status_id", "source_id", "manager_id", "communicate_at");

    private KeycrmBodies() { }

    /** A contact effect's fields, typed, without nulls; {@code contact_cf_*} kept as given. */
    static JsonObject contactFields(ObjectNode node) {
        return typed(node, KeycrmSchema.BUYER, CONTACT_CF);
    }

    /** A deal effect's fields, typed, without nulls; {@code deal_cf_*} kept as given, {@code products} typed line by line. */
    static JsonObject dealFields(ObjectNode node) {
        return typed(node, KeycrmSchema.ORDER, DEAL_CF);
    }

    private static JsonObject typed(ObjectNode node, EntitySchema schema, String cfPrefix) {
        JsonObject out = new JsonObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) continue;
            if (cfPrefix != null && name.startsWith(cfPrefix)) out.put(name, FieldValues.plain(v));
            else if (name.equals("products") && schema == KeycrmSchema.ORDER) out.put(name, products(v));
            else out.put(name, FieldValues.coerce(schema, name, v));
        }
        return out;
    }

    private static JsonArray products(JsonNode lines) {
        if (!lines.isArray()) throw new PermanentException("products must be a list of lines", "products", 0);
        JsonArray out = new JsonArray();
        for (JsonNode line : lines) {
            if (!line.isObject()) throw new PermanentException("each product line must be an object", "products", 0);
            out.add(typed((ObjectNode) line, KeycrmSchema.PRODUCT, null));
        }
        return out;
    }

    static JsonObject buyer(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            if (!e.getKey().startsWith(CONTACT_CF)) ApiPaths.put(body, path(KeycrmSchema.BUYER, e.getKey()), e.getValue());
        }
        return body;
    }

    /** {@code POST /order}: everything but {@code status_id} (a follow-up PUT) and the card-only fields. */
    static JsonObject order(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            String name = e.getKey();
            if (name.startsWith(DEAL_CF) || name.equals("status_id") || KeycrmSchema.CARD_ONLY.contains(name)) continue;
            ApiPaths.put(body, name.equals("products") ? name : path(KeycrmSchema.ORDER, name), e.getValue());
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
            if (CARD_CONTACT.containsKey(name)) ApiPaths.put(body, CARD_CONTACT.get(name), e.getValue());
            else if (name.startsWith("utm_") || name.equals("products")) body.put(name, e.getValue());
            else if (CARD_FIELDS.contains(name)) ApiPaths.put(body, path(KeycrmSchema.ORDER, name), e.getValue());
        }
        return body;
    }

    /** {@code PUT /pipelines/cards/{id}}: title, status, source, manager, contact time [C]; custom fields are added by the caller. */
    static JsonObject cardUpdate(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (String name : CARD_UPDATABLE) {
            if (fields.getValue(name) != null) ApiPaths.put(body, path(KeycrmSchema.ORDER, name), fields.getValue(name));
        }
        return body;
    }

    /** {@code PUT /order/{id}}: only what the API lets change [C]; create-only fields are left out. */
    static JsonObject orderUpdate(JsonObject fields) {
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Object> e : fields) {
            if (KeycrmSchema.ORDER_UPDATABLE.contains(e.getKey())) ApiPaths.put(body, path(KeycrmSchema.ORDER, e.getKey()), e.getValue());
        }
        return body;
    }

    private static String path(EntitySchema schema, String name) {
        return schema.field(name).orElseThrow().apiPath();
    }
}

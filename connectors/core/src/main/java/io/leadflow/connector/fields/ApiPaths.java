package io.leadflow.connector.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Puts a value at a schema's {@code apiPath} ({@code buyer.full_name}, {@code payments[0].amount},
 * {@code phone[0]}) inside a request body, creating the objects and lists on the way.
 */
public final class ApiPaths {
    private ApiPaths() { }

    /** Sets {@code value} at {@code path}, creating intermediate objects and list slots. */
    public static void put(JsonObject root, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = root;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String part = parts[i];
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            JsonObject obj = (JsonObject) node;
            if (bracket < 0) {
                if (last) obj.put(key, value);
                else node = child(obj, key);
                continue;
            }
            int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
            JsonArray list = obj.getJsonArray(key);
            if (list == null) obj.put(key, list = new JsonArray());
            while (list.size() <= index) list.add(last ? null : new JsonObject());
            if (last) list.set(index, value);
            else node = list.getJsonObject(index);
        }
    }

    /** The value at a path, or null when any step is missing. */
    public static Object get(JsonObject root, String path) {
        Object node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof JsonObject obj)) return null;
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                node = obj.getValue(part);
                continue;
            }
            Object list = obj.getValue(part.substring(0, bracket));
            int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
            node = list instanceof JsonArray a && a.size() > index ? a.getValue(index) : null;
        }
        return node;
    }

    /** {@link #put} in the one JSON model (Jackson): {@code value} at {@code path}, creating objects and list slots. */
    public static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode obj = root;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String part = parts[i];
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (bracket < 0) {
                if (last) obj.set(key, value == null ? NullNode.getInstance() : value);
                else obj = obj.get(key) instanceof ObjectNode c ? c : obj.putObject(key);
                continue;
            }
            int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
            ArrayNode list = obj.get(key) instanceof ArrayNode a ? a : obj.putArray(key);
            while (list.size() <= index) {
                if (last) list.addNull();
                else list.addObject();
            }
            if (last) list.set(index, value == null ? NullNode.getInstance() : value);
            else if (list.get(index) instanceof ObjectNode c) obj = c;
            else {
                obj = list.objectNode();
                list.set(index, obj);
            }
        }
    }

    /** {@link #get} in the one JSON model: the node at a path, or null when any step is missing. */
    public static JsonNode node(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            if (node == null || !node.isObject()) return null;
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                node = node.get(part);
                continue;
            }
            JsonNode list = node.get(part.substring(0, bracket));
            int index = Integer.parseInt(part.substring(bracket + 1, part.indexOf(']')));
            node = list != null && list.isArray() && list.size() > index ? list.get(index) : null;
        }
        return node;
    }

    private static JsonObject child(JsonObject obj, String key) {
        JsonObject c = obj.getJsonObject(key);
        if (c == null) obj.put(key, c = new JsonObject());
        return c;
    }
}

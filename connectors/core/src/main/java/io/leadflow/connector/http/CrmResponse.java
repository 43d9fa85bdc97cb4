package io.leadflow.connector.http;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A CRM's complete answer: status, headers and body. */
public record CrmResponse(int status, MultiMap headers, Buffer body) {

    /** The body as a JSON object, or null when it is empty or not an object. */
    public JsonObject jsonObject() {
        Object v = json();
        return v instanceof JsonObject o ? o : null;
    }

    /** The body parsed as JSON (object, array, scalar), or null when empty or not JSON. */
    public Object json() {
        if (body == null || body.length() == 0) return null;
        try {
            return Json.decodeValue(body);
        } catch (DecodeException e) {
            return null;
        }
    }

    public JsonArray jsonArray() {
        Object v = json();
        return v instanceof JsonArray a ? a : null;
    }

    /** The body parsed as one JSON value (a Jackson tree, {@link CrmJson}), or null when empty or not JSON. */
    public com.fasterxml.jackson.databind.JsonNode tree() {
        return CrmJson.parse(body);
    }

    /** The body as a JSON object (Jackson), or null when it is empty or not an object. */
    public com.fasterxml.jackson.databind.node.ObjectNode object() {
        return tree() instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o : null;
    }

    /** The body as a JSON array (Jackson), or null when it is empty or not an array. */
    public com.fasterxml.jackson.databind.node.ArrayNode array() {
        return tree() instanceof com.fasterxml.jackson.databind.node.ArrayNode a ? a : null;
    }

    /** The body as text, cut to {@code max} characters (for error messages). */
    public String text(int max) {
        if (body == null) return "";
        String s = body.toString();
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }
}

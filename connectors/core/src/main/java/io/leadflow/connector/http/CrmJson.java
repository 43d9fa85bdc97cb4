package io.leadflow.connector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * The one JSON model of a connector's requests and answers (issue 15, point 6): Jackson trees, the
 * same model as effects and found records, so a value keeps its form from the rule to the request's
 * bytes. A body is parsed strictly (one JSON value, no trailing tokens), as the CRMs send it.
 */
public final class CrmJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CrmJson() { }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** The tree's JSON bytes (UTF-8) as a Vert.x buffer. */
    public static Buffer buffer(JsonNode node) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }

    /** The buffer parsed as one JSON value, or null when it is empty or not JSON. */
    public static JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) return null;
        try {
            JsonNode n = MAPPER.readTree(body.getBytes());
            return n == null || n.isMissingNode() ? null : n;
        } catch (IOException e) {
            return null;
        }
    }
}

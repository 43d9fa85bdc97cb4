package io.leadflow.runtime.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The stored raw body as the JSON tree a flow reads: JSON as is, a url-encoded form as an object of strings. */
final class LeadBody {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LeadBody() { }

    /** @throws IllegalArgumentException with a message fit for a dead-letter reason */
    static JsonNode parse(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (type.startsWith("application/x-www-form-urlencoded")) return form(text);
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static ObjectNode form(String text) {
        ObjectNode out = MAPPER.createObjectNode();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            JsonNode prev = out.get(name);
            if (prev == null) out.put(name, value);
            else if (prev instanceof ArrayNode a) a.add(value);
            else out.putArray(name).add(prev).add(value);
        }
        return out;
    }
}

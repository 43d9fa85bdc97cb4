package io.leadflow.runtime.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.runtime.config.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a raw lead body into the lead's JSON object: JSON under Jackson stream constraints, or
 * a urlencoded form whose fields become properties (a repeated key becomes an array). The one
 * parser both the edge (to refuse bad bodies) and the executor (to read the stored body) use, so
 * both decode a lead the same way by construction. Every body, and every decoded form field,
 * first passes {@link StrictText}'s one rule for text.
 */
public final class LeadBodyParser {
    private final ObjectMapper mapper;
    private final Limits limits;

    public LeadBodyParser(Limits limits) {
        this.limits = limits;
        JsonFactory f = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonDepth())
                .maxStringLength(limits.jsonString())
                .maxNumberLength(limits.jsonNumber())
                .maxNameLength(limits.jsonName())
                .maxDocumentLength(limits.bodyBytes())
                .maxTokenCount(limits.jsonTokens())
                .build()).build();
        this.mapper = new ObjectMapper(f);
    }

    /** The media type without parameters, lower-cased; null when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public static boolean supported(String mediaType) {
        return "application/json".equals(mediaType) || "application/x-www-form-urlencoded".equals(mediaType);
    }

    /**
     * Checks the body is a lead (a JSON object within the limits, or a form within its limits)
     * without building it: the journal keeps the raw bytes and the executor reads them later.
     */
    public void validate(String mediaType, byte[] body) {
        if ("application/json".equals(mediaType)) {
            validateJson(body);
        } else {
            parse(mediaType, body);
        }
    }

    private void validateJson(byte[] body) {
        if (body.length == 0) throw new BodyRefusal(400, "empty_body", "the body is empty; send the lead as a JSON object");
        StrictText.decode(body, "the body");
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new BodyRefusal(400, "not_an_object", "the lead must be a JSON object, not " + (first == null ? "nothing" : first == JsonToken.START_ARRAY ? "an array" : "a single value"));
            }
            // Walk every token (not skipChildren): string and number constraints apply only when a value is read.
            int depth = 1;
            while (depth > 0) {
                JsonToken t = p.nextToken();
                if (t == null) throw new BodyRefusal(400, "invalid_json", "the body is not valid JSON: it ends inside the object");
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> p.getText();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
                    default -> { }
                }
            }
            if (p.nextToken() != null) throw new BodyRefusal(400, "invalid_json", "the body has content after the JSON object");
        } catch (StreamConstraintsException e) {
            throw new BodyRefusal(400, "json_limit", "the JSON exceeds a limit: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BodyRefusal(400, "invalid_json", "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The lead as a JSON object (a form's fields become properties; a repeated key an array). */
    public ObjectNode parse(String mediaType, byte[] body) {
        if ("application/json".equals(mediaType)) return parseJson(body);
        if ("application/x-www-form-urlencoded".equals(mediaType)) return parseForm(body);
        throw new BodyRefusal(415, "unsupported_media_type",
                "send the lead as application/json or application/x-www-form-urlencoded, not " + mediaType);
    }

    private ObjectNode parseJson(byte[] body) {
        if (body.length == 0) throw new BodyRefusal(400, "empty_body", "the body is empty; send the lead as a JSON object");
        StrictText.decode(body, "the body");
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new BodyRefusal(400, "json_limit", "the JSON exceeds a limit: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BodyRefusal(400, "invalid_json", "the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new BodyRefusal(400, "not_an_object", "the lead must be a JSON object, not " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return (ObjectNode) node;
    }

    private ObjectNode parseForm(byte[] body) {
        String text = StrictText.decode(body, "the body");
        Map<String, List<String>> params = new LinkedHashMap<>();
        int fields = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) continue;
            if (++fields > limits.formFields()) {
                throw new BodyRefusal(400, "form_limit", "the form has more than " + limits.formFields() + " fields");
            }
            int eq = pair.indexOf('=');
            String key = StrictText.percentDecode(eq < 0 ? pair : pair.substring(0, eq), true, "a form field name");
            String value = eq < 0 ? "" : StrictText.percentDecode(pair.substring(eq + 1), true, "form field '" + clip(key) + "'");
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        ObjectNode out = mapper.createObjectNode();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getKey().length() > limits.jsonName()) throw new BodyRefusal(400, "form_limit", "a form field name is longer than " + limits.jsonName() + " characters");
            for (String v : e.getValue()) {
                if (v.length() > limits.formValue()) {
                    throw new BodyRefusal(400, "form_limit", "form field '" + clip(e.getKey()) + "' is longer than " + limits.formValue() + " characters");
                }
            }
            if (e.getValue().size() == 1) {
                out.put(e.getKey(), e.getValue().get(0));
            } else {
                ArrayNode a = out.putArray(e.getKey());
                e.getValue().forEach(a::add);
            }
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String firstLine(String m) {
        if (m == null) return "";
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

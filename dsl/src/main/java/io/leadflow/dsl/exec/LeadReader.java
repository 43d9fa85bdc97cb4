package io.leadflow.dsl.exec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads from a lead's JSON bytes only what a flow's mapping reads ({@link LeadReads}): other
 * members are skipped by the parser without building nodes. Every value it keeps is the node
 * {@code new ObjectMapper().readTree(bytes)} would have built, so the mapping over the partial
 * tree gives what it gives over the whole one. A lead that is not a JSON object, or a flow that
 * uses the whole lead, is read whole.
 */
final class LeadReader {
    /** Field names canonicalised (Jackson's default): measured faster here than a parser that makes a String per name. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = MAPPER.getNodeFactory();

    private LeadReader() { }

    static JsonNode read(byte[] json, LeadReads.Node root) throws IOException {
        if (root.whole) return MAPPER.readTree(json);
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return MAPPER.readTree(json);
            return object(p, root);
        }
    }

    private static JsonNode value(JsonParser p, LeadReads.Node n) throws IOException {
        if (n.whole) return MAPPER.readTree(p);
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p, n);
            case START_ARRAY -> array(p, n);
            default -> MAPPER.readTree(p);
        };
    }

    private static ObjectNode object(JsonParser p, LeadReads.Node n) throws IOException {
        ObjectNode o = new ObjectNode(F, new java.util.LinkedHashMap<>(CompiledBlock.capacity(n.members.size())));
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            LeadReads.Node child = n.members.get(name);
            if (child == null) p.skipChildren(); else o.set(name, value(p, child));
        }
        return o;
    }

    /** A list: each element as the loop reads it; a list read only through member names (never one) is kept empty. */
    private static ArrayNode array(JsonParser p, LeadReads.Node n) throws IOException {
        ArrayNode a = F.arrayNode();
        if (n.items == null) {
            p.skipChildren();
            return a;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) a.add(value(p, n.items));
        return a;
    }
}

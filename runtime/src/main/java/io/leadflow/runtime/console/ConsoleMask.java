package io.leadflow.runtime.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.runtime.security.LogMasker;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the console shows goes through here: every configured secret (source tokens, webhook
 * secrets, CRM keys) becomes {@code [secret]}, phones keep at most 5 leading and 2 trailing
 * digits, emails their first letter and domain, bearer tokens vanish. Field names are kept, so
 * a raw body still shows the fields a mapping can read.
 */
public final class ConsoleMask {
    private final LogMasker masker;

    public ConsoleMask(Supplier<Set<String>> secrets) {
        this.masker = new LogMasker(new java.util.logging.SimpleFormatter(), secrets);
    }

    public String text(String s) {
        return s == null ? null : masker.mask(s);
    }

    /** A masked copy of a JSON tree: text values masked, long integers (a phone sent as a number) too. */
    public JsonNode json(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return n;
        if (n.isTextual()) return JsonNodeFactory.instance.textNode(text(n.asText()));
        if (n.isIntegralNumber()) {
            String raw = n.asText();
            String masked = text(raw);
            return masked.equals(raw) ? n : JsonNodeFactory.instance.textNode(masked);
        }
        if (n.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            n.forEach(e -> out.add(json(e)));
            return out;
        }
        if (n.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), json(e.getValue()));
            }
            return out;
        }
        return n;
    }
}

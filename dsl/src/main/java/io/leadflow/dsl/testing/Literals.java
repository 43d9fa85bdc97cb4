package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.parse.StringLiterals;
import java.util.Iterator;
import java.util.Map;

/** JSON values written as rule-file literals ({@code { "name": "Olena", "items": [1, 2] }}), for generated test blocks. */
final class Literals {
    private Literals() { }

    static String of(JsonNode v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    static String quote(String s) {
        return StringLiterals.quote(s, true);
    }

    private static void write(JsonNode v, StringBuilder b) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            b.append("null");
        } else if (v.isObject()) {
            if (v.isEmpty()) {
                b.append("{ }");
                return;
            }
            b.append("{ ");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!first) b.append(", ");
                first = false;
                b.append(quote(e.getKey())).append(": ");
                write(e.getValue(), b);
            }
            b.append(" }");
        } else if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) b.append(", ");
                write(v.get(i), b);
            }
            b.append(']');
        } else if (v.isTextual()) {
            b.append(quote(v.asText()));
        } else {
            b.append(v.asText());
        }
    }
}

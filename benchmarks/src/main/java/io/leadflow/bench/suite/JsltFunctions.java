package io.leadflow.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.schibsted.spt.data.jslt.Function;
import java.math.BigDecimal;
import java.util.List;

/**
 * Java functions given to JSLT for what it has no builtin for, as a JSLT user would add them:
 * the same phone standardiser and shop-number reading the other contestants use.
 */
final class JsltFunctions {
    private JsltFunctions() { }

    static final List<Function> ALL = List.of(
            fn("e164", 1, 1, a -> {
                String e = a[0].isNull() ? null : Hand.e164(a[0].asText());
                return e == null ? NullNode.instance : TextNode.valueOf(e);
            }),
            fn("e164-ru", 1, 1, a -> {
                String e = a[0].isNull() ? null : Hand.e164Ru(a[0].asText());
                return e == null ? NullNode.instance : TextNode.valueOf(e);
            }),
            fn("shop-number", 1, 1, a -> {
                BigDecimal d = a[0].isNull() ? null : Hand.number(a[0]);
                if (d == null) return NullNode.instance;
                BigDecimal s = d.stripTrailingZeros();
                return s.scale() <= 0 ? IntNode.valueOf(s.intValueExact()) : DecimalNode.valueOf(s);
            }),
            fn("substr", 3, 3, a -> {
                if (a[0].isNull()) return NullNode.instance;
                String s = a[0].asText();
                int from = Math.min(a[1].asInt(), s.length());
                return TextNode.valueOf(s.substring(from, Math.max(from, Math.min(a[2].asInt(), s.length()))));
            }));

    interface Body {
        JsonNode call(JsonNode[] args);
    }

    private static Function fn(String name, int min, int max, Body body) {
        return new Function() {
            @Override public String getName() { return name; }
            @Override public int getMinArguments() { return min; }
            @Override public int getMaxArguments() { return max; }
            @Override public JsonNode call(JsonNode input, JsonNode[] args) { return body.call(args); }
        };
    }
}

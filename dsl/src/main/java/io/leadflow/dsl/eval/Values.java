package io.leadflow.dsl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * The value rules of the language, in one place: what is null, true, text, a number, equal.
 * Shop webhooks send numbers as text ("4"), so comparison and arithmetic read numeric text as numbers.
 */
public final class Values {
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private Values() { }

    /** Missing, JSON null and Java null are all "no value". */
    public static boolean isNull(JsonNode n) {
        return n == null || n instanceof NullNode || n instanceof MissingNode; // class checks: cheaper than node-type calls
    }

    public static JsonNode norm(JsonNode n) {
        return isNull(n) ? null : n;
    }

    /** Conditions: null and false are false; 0, "" and empty lists/objects too; everything else true. */
    public static boolean truthy(JsonNode n) {
        if (isNull(n)) return false;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNumber()) return n.decimalValue().signum() != 0;
        if (n.isTextual()) return !n.textValue().isEmpty();
        return n.size() > 0;
    }

    public static JsonNode bool(boolean b) {
        return b ? BooleanNode.TRUE : BooleanNode.FALSE;
    }

    public static JsonNode text(String s) {
        return s == null ? null : TextNode.valueOf(s);
    }

    /**
     * How a value reads inside text: null is empty, never "null"; numbers without trailing zeros;
     * a list as its items' texts joined with ", "; an object as JSON without its null members.
     */
    public static String asText(JsonNode n) {
        if (isNull(n)) return "";
        if (n.isTextual()) return n.textValue();
        if (n.isIntegralNumber()) return n.asText();
        if (n.isNumber()) return plain(n.decimalValue());
        if (n.isBoolean()) return n.booleanValue() ? "true" : "false";
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode e : n) {
                if (isNull(e)) continue;
                if (b.length() > 0) b.append(", ");
                b.append(asText(e));
            }
            return b.toString();
        }
        return withoutNulls(n).toString();
    }

    /** An object as JSON text with its null members left out, so no "null" reaches a text. */
    private static JsonNode withoutNulls(JsonNode n) {
        if (!n.isContainerNode()) return n;
        if (n.isArray()) {
            var a = NODES.arrayNode();
            for (JsonNode e : n) if (!isNull(e)) a.add(withoutNulls(e));
            return a;
        }
        var o = NODES.objectNode();
        n.fields().forEachRemaining(e -> {
            if (!isNull(e.getValue())) o.set(e.getKey(), withoutNulls(e.getValue()));
        });
        return o;
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    /** A number, or numeric text read as one ({@code "1 200,50"} too); null when it is neither. */
    public static BigDecimal number(JsonNode n) {
        if (isNull(n)) return null;
        if (n.isNumber()) return n.decimalValue();
        if (n.isTextual()) return NumberText.parse(n.textValue());
        return null;
    }

    /** The smallest node for a number: integral values become int/long nodes. */
    public static JsonNode num(BigDecimal d) {
        if (d == null) return null;
        if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
            if (d.compareTo(LONG_MAX) <= 0 && d.compareTo(LONG_MIN) >= 0) return num(d.longValue());
        }
        return DecimalNode.valueOf(d.stripTrailingZeros());
    }

    public static JsonNode num(long v) {
        return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
    }

    /** Loose equality: numbers (and numeric text against a number) compare by value; no value equals only no value. */
    public static boolean equal(JsonNode a, JsonNode b) {
        boolean an = isNull(a);
        boolean bn = isNull(b);
        if (an || bn) return an && bn;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.isNumber() || b.isNumber()) {
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a.isTextual() && b.isTextual()) return a.textValue().equals(b.textValue());
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> i = a.elements();
            Iterator<JsonNode> j = b.elements();
            while (i.hasNext()) if (!equal(i.next(), j.next())) return false;
            return true;
        }
        return a.equals(b);
    }

    /** Ordering for {@code < <= > >=}: numbers by value, text by code points; null when not comparable. */
    public static Integer compare(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) return null;
        if (a.isTextual() && b.isTextual()) return Integer.signum(a.textValue().compareTo(b.textValue()));
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x == null || y == null ? null : x.compareTo(y);
    }

    /** {@code needle in haystack}: list membership, object key, or substring. */
    public static boolean contains(JsonNode haystack, JsonNode needle) {
        if (isNull(haystack)) return false;
        if (haystack.isArray()) {
            for (JsonNode e : haystack) if (equal(e, needle)) return true;
            return false;
        }
        if (haystack.isObject()) return !isNull(needle) && haystack.has(asText(needle));
        if (haystack.isTextual()) return !isNull(needle) && haystack.textValue().contains(asText(needle));
        return false;
    }

    /** The static type of a runtime value, for messages. */
    public static Type typeOf(JsonNode n) {
        if (isNull(n)) return Type.NULL;
        if (n.isTextual()) return Type.STRING;
        if (n.isNumber()) return Type.NUMBER;
        if (n.isBoolean()) return Type.BOOLEAN;
        if (n.isArray()) return Type.LIST;
        return n.isObject() ? Type.OBJECT : Type.ANY;
    }
}

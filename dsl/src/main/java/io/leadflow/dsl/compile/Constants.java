package io.leadflow.dsl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.eval.Values;

/** The value of an expression that needs no lead (literals, and lists and objects of them), or null. */
public final class Constants {
    private Constants() { }

    /** The constant, or null when the expression is not constant; a constant {@code null} is NullNode. */
    public static JsonNode of(Expr e) {
        if (e instanceof StringExpr s) return Values.text(s.value());
        if (e instanceof NumberExpr n) return Values.num(n.value());
        if (e instanceof BoolExpr b) return Values.bool(b.value());
        if (e instanceof NullExpr) return Values.NODES.nullNode();
        if (e instanceof NegExpr n) {
            JsonNode v = of(n.operand());
            return v != null && v.isNumber() ? Values.num(v.decimalValue().negate()) : null;
        }
        if (e instanceof ListExpr l) {
            ArrayNode a = Values.NODES.arrayNode();
            for (Expr x : l.items()) {
                JsonNode v = of(x);
                if (v == null) return null;
                a.add(v);
            }
            return a;
        }
        if (e instanceof ObjectExpr o) {
            ObjectNode obj = Values.NODES.objectNode();
            for (ObjectExpr.Field f : o.fields()) {
                JsonNode v = of(f.value());
                if (v == null) return null;
                obj.set(f.key(), v);
            }
            return obj;
        }
        return null;
    }

    /** The lookup key of a table entry or index: numbers and text compare by their text. */
    public static String key(JsonNode v) {
        return Values.asText(v);
    }
}

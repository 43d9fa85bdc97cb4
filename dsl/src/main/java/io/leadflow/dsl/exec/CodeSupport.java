package io.leadflow.dsl.exec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.BinaryOp;
import io.leadflow.dsl.builtin.Fn;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The static methods generated block code calls: each does exactly what the corresponding
 * closure of {@link ExprCompiler} does, so both ways give the same values. Small on purpose,
 * so the JIT inlines them into the generated methods (where a builtin's function is a constant).
 */
final class CodeSupport {
    private CodeSupport() { }

    static JsonNode get(JsonNode v, String name) {
        return v == null ? null : Paths.get(v, name);
    }

    static StringBuilder hole(StringBuilder b, JsonNode v) {
        return v != null && v.isTextual() ? b.append(v.textValue()) : b.append(Values.asText(v));
    }

    /** A template hole's text: null is empty, never "null". */
    static String str(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : Values.asText(v);
    }

    static JsonNode text(StringBuilder b) {
        return TextNode.valueOf(b.toString());
    }

    /** A table whose entries are all constants: the entry by key text (even a null one), else the default. */
    static JsonNode table(Map<String, JsonNode> entries, JsonNode key, JsonNode fallback) {
        if (key == null) return fallback;
        String k = Values.asText(key);
        JsonNode v = entries.get(k);
        return v != null || entries.containsKey(k) ? v : fallback;
    }

    static JsonNode call(Fn fn, JsonNode[] values, Env env, SourceSpan at, String name) {
        env.step(1, at);
        try {
            return Values.norm(fn.apply(values, env));
        } catch (RuleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleException(DiagnosticCode.LF902, name + " failed: " + e, at);
        }
    }

    static ObjectNode object(int capacity) {
        return new ObjectNode(Values.NODES, new LinkedHashMap<>(capacity));
    }

    static void set(ObjectNode o, String name, JsonNode v) {
        if (v != null) o.set(name, v);
    }

    static void write(JsonGenerator g, SerializedString name, JsonNode v) throws IOException {
        if (v != null) {
            g.writeFieldName(name);
            PayloadWriter.value(v, g);
        }
    }

    static boolean truthy(JsonNode v) {
        return Values.truthy(v);
    }

    static JsonNode not(JsonNode v) {
        return Values.bool(!Values.truthy(v));
    }

    static JsonNode neg(JsonNode v) {
        BigDecimal d = Values.number(v);
        return d == null ? null : Values.num(d.negate());
    }

    // Binary operators other than ??, and, or (those branch in the generated code). Named as BinaryOp's constants.
    static JsonNode EQ(JsonNode a, JsonNode b) { return Values.bool(Values.equal(a, b)); }
    static JsonNode NE(JsonNode a, JsonNode b) { return Values.bool(!Values.equal(a, b)); }
    static JsonNode LT(JsonNode a, JsonNode b) { Integer c = Values.compare(a, b); return Values.bool(c != null && c < 0); }
    static JsonNode LE(JsonNode a, JsonNode b) { Integer c = Values.compare(a, b); return Values.bool(c != null && c <= 0); }
    static JsonNode GT(JsonNode a, JsonNode b) { Integer c = Values.compare(a, b); return Values.bool(c != null && c > 0); }
    static JsonNode GE(JsonNode a, JsonNode b) { Integer c = Values.compare(a, b); return Values.bool(c != null && c >= 0); }
    /** {@code needle in haystack}, operands in the closure's order of evaluation: the haystack first. */
    static JsonNode IN(JsonNode haystack, JsonNode needle) { return Values.bool(Values.contains(haystack, needle)); }
    static JsonNode NOT_IN(JsonNode haystack, JsonNode needle) { return Values.bool(!Values.contains(haystack, needle)); }
    static JsonNode ADD(JsonNode a, JsonNode b) { return Operators.add(a, b); }
    static JsonNode SUB(JsonNode a, JsonNode b) { return Operators.arithmetic(BinaryOp.SUB, a, b); }
    static JsonNode MUL(JsonNode a, JsonNode b) { return Operators.arithmetic(BinaryOp.MUL, a, b); }
    static JsonNode DIV(JsonNode a, JsonNode b) { return Operators.arithmetic(BinaryOp.DIV, a, b); }
    static JsonNode MOD(JsonNode a, JsonNode b) { return Operators.arithmetic(BinaryOp.MOD, a, b); }
}

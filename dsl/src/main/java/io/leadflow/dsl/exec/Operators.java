package io.leadflow.dsl.exec;

import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ast.BinaryOp;
import io.leadflow.dsl.eval.Eval;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Closures for operators. Arithmetic reads numeric text as numbers and gives null for null
 * operands or division by zero; {@code +} joins text when either side is text.
 */
final class Operators {
    private Operators() { }

    static Eval binary(BinaryOp op, Eval l, Eval r) {
        return switch (op) {
            case AND -> env -> bool(truthy(l.eval(env)) && truthy(r.eval(env)));
            case OR -> env -> bool(truthy(l.eval(env)) || truthy(r.eval(env)));
            case COALESCE -> env -> {
                JsonNode v = l.eval(env);
                return isNull(v) ? r.eval(env) : v;
            };
            case EQ -> env -> bool(equal(l.eval(env), r.eval(env)));
            case NE -> env -> bool(!equal(l.eval(env), r.eval(env)));
            case LT -> env -> order(l.eval(env), r.eval(env), c -> c < 0);
            case LE -> env -> order(l.eval(env), r.eval(env), c -> c <= 0);
            case GT -> env -> order(l.eval(env), r.eval(env), c -> c > 0);
            case GE -> env -> order(l.eval(env), r.eval(env), c -> c >= 0);
            case IN -> env -> bool(contains(r.eval(env), l.eval(env)));
            case NOT_IN -> env -> bool(!contains(r.eval(env), l.eval(env)));
            case ADD -> env -> add(l.eval(env), r.eval(env));
            case SUB, MUL, DIV, MOD -> env -> arithmetic(op, l.eval(env), r.eval(env));
        };
    }

    static Eval neg(Eval operand) {
        return env -> {
            BigDecimal d = number(operand.eval(env));
            return d == null ? null : num(d.negate());
        };
    }

    static Eval not(Eval operand) {
        return env -> bool(!truthy(operand.eval(env)));
    }

    private static JsonNode order(JsonNode a, JsonNode b, java.util.function.IntPredicate test) {
        Integer c = compare(a, b);
        return bool(c != null && test.test(c));
    }

    static JsonNode add(JsonNode a, JsonNode b) {
        if (a != null && b != null && a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            long x = a.longValue();
            long y = b.longValue();
            long s = x + y;
            if (((x ^ s) & (y ^ s)) >= 0) return num(s);
        }
        if (a != null && a.isTextual() || b != null && b.isTextual()) return text(asText(a) + asText(b));
        return arithmetic(BinaryOp.ADD, a, b);
    }

    static JsonNode arithmetic(BinaryOp op, JsonNode a, JsonNode b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x == null || y == null) return null;
        return switch (op) {
            case ADD -> num(x.add(y));
            case SUB -> num(x.subtract(y));
            case MUL -> num(x.multiply(y, MathContext.DECIMAL128));
            case DIV -> y.signum() == 0 ? null : num(x.divide(y, MathContext.DECIMAL64).stripTrailingZeros());
            default -> y.signum() == 0 ? null : num(x.remainder(y));
        };
    }
}

package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import io.leadflow.dsl.eval.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Numbers: parsing shop-formatted text, whole numbers, rounding. */
final class NumberBuiltins {
    private NumberBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                fn("number", "Reads a number from text as shops write it: spaces and currency signs ignored, "
                                + "',' or '.' as decimal separator (the later one when both appear). Not a number: null.",
                        Type.NUMBER, List.of(p("value", Type.ANY)),
                        List.of(ex("number('1 200,50')", "1200.5"), ex("number('1,200.50')", "1200.5"),
                                ex("number(' 42 ')", "42"), ex("number('abc')", "null")),
                        (a, env) -> num(number(a[0]))),
                fn("int", "The whole part of a number (towards zero); null when not a number.", Type.NUMBER,
                        List.of(p("value", Type.ANY)),
                        List.of(ex("int('12.9')", "12"), ex("int(-3.5)", "-3")),
                        (a, env) -> {
                            BigDecimal d = number(a[0]);
                            return d == null ? null : num(d.setScale(0, RoundingMode.DOWN));
                        }),
                fn("round", "Rounds half away from zero to the given decimal places (default 0).", Type.NUMBER,
                        List.of(p("value", Type.ANY), opt("places", Type.NUMBER)),
                        List.of(ex("round(2.345, 2)", "2.35"), ex("round('7.5')", "8")),
                        (a, env) -> {
                            BigDecimal d = number(a[0]);
                            BigDecimal places = number(a[1]);
                            int p = places == null ? 0 : Math.max(-20, Math.min(20, places.intValue()));
                            return d == null ? null : num(d.setScale(p, RoundingMode.HALF_UP));
                        }));
    }
}

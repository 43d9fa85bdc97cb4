package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Text: case, trimming, digits, concatenation, substrings, splitting. */
final class TextBuiltins {
    private TextBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                fn("lower", "Lower case (locale-independent).", Type.STRING, List.of(p("text", Type.STRING)),
                        List.of(ex("lower('ÖLGA Smith')", "\"ölga smith\""), ex("lower(null)", "null")),
                        (a, env) -> isNull(a[0]) ? null : text(asText(a[0]).toLowerCase(Locale.ROOT))),
                fn("upper", "Upper case (locale-independent).", Type.STRING, List.of(p("text", Type.STRING)),
                        List.of(ex("upper('ua')", "\"UA\"")),
                        (a, env) -> isNull(a[0]) ? null : text(asText(a[0]).toUpperCase(Locale.ROOT))),
                fn("trim", "Strips leading and trailing white space (also no-break spaces).", Type.STRING,
                        List.of(p("text", Type.STRING)),
                        List.of(ex("trim('  a b \\t')", "\"a b\"")),
                        (a, env) -> isNull(a[0]) ? null : text(asText(a[0]).strip())),
                fn("digits", "Only the digits 0-9 of the text.", Type.STRING, List.of(p("text", Type.STRING)),
                        List.of(ex("digits('+38 (067) 123-45-67')", "\"380671234567\""), ex("digits(null)", "null")),
                        (a, env) -> isNull(a[0]) ? null : text(digitsOf(asText(a[0])))),
                variadic("concat", "The texts one after another; null counts as empty.", Type.STRING,
                        List.of(p("parts", Type.ANY)),
                        List.of(ex("concat('a', null, 1, 'b')", "\"a1b\"")),
                        (a, env) -> {
                            StringBuilder b = new StringBuilder();
                            for (JsonNode n : a) b.append(asText(n));
                            return text(b.toString());
                        }),
                fn("substring", "Characters from start (0-based) up to end (exclusive); out-of-range indexes are clamped.",
                        Type.STRING, List.of(p("text", Type.STRING), p("start", Type.NUMBER), opt("end", Type.NUMBER)),
                        List.of(ex("substring('abcdef', 1, 3)", "\"bc\""), ex("substring('abc', 2, 99)", "\"c\"")),
                        TextBuiltins::substring),
                counting("split", "Splits text at every occurrence of the separator (plain text, not a regex).", Type.LIST,
                        List.of(p("text", Type.STRING), p("separator", Type.STRING)),
                        List.of(ex("split('a, b,c', ',')", "[\"a\",\" b\",\"c\"]")),
                        (a, env, at) -> {
                            if (isNull(a[0])) return null;
                            String sep = asText(a[1]);
                            var out = NODES.arrayNode();
                            if (sep.isEmpty()) return out.add(asText(a[0]));
                            for (String s : asText(a[0]).split(java.util.regex.Pattern.quote(sep), -1)) out.add(s);
                            env.step(out.size(), at);
                            return out;
                        }));
    }

    private static JsonNode substring(JsonNode[] a, io.leadflow.dsl.eval.Env env) {
        if (isNull(a[0])) return null;
        String s = asText(a[0]);
        int start = clamp(number(a[1]), 0, s.length());
        int end = isNull(a[2]) ? s.length() : clamp(number(a[2]), start, s.length());
        return text(s.substring(start, Math.max(start, end)));
    }

    /** The ASCII digits of the text, in order (what {@code replaceAll("[^0-9]", "")} gives, without a regex per call). */
    static String digitsOf(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
        }
        return b.toString();
    }

    static int clamp(BigDecimal d, int lo, int hi) {
        if (d == null) return lo;
        if (d.compareTo(BigDecimal.valueOf(hi)) > 0) return hi;
        return Math.max(lo, d.intValue());
    }
}

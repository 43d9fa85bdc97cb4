package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Type;
import java.util.List;

/** Lists (and sizes of anything): length, first, join. */
final class ListBuiltins {
    private ListBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                fn("length", "Characters of a text, items of a list, keys of an object; 0 for null.", Type.NUMBER,
                        List.of(p("value", Type.ANY)),
                        List.of(ex("length('abc')", "3"), ex("length([1, 2])", "2"), ex("length(null)", "0")),
                        (a, env) -> {
                            JsonNode n = a[0];
                            if (isNull(n)) return num(0);
                            if (n.isContainerNode()) return num(n.size());
                            return num(asText(n).codePointCount(0, asText(n).length()));
                        }),
                fn("first", "The first item of a list (null when empty); a non-list value is returned as is.", Type.ANY,
                        List.of(p("list", Type.ANY)),
                        List.of(ex("first(['a', 'b'])", "\"a\""), ex("first([])", "null")),
                        (a, env) -> isNull(a[0]) ? null : a[0].isArray() ? norm(a[0].get(0)) : a[0]),
                counting("join", "The items' texts with the separator between them; null items are skipped.",
                        Type.STRING, List.of(p("list", Type.LIST), opt("separator", Type.STRING)),
                        List.of(ex("join(['a', null, 2], ', ')", "\"a, 2\""), ex("join(['x', 'y'])", "\"xy\"")),
                        (a, env, at) -> {
                            if (isNull(a[0])) return null;
                            if (!a[0].isArray()) return text(asText(a[0]));
                            env.step(a[0].size(), at);
                            String sep = asText(a[1]);
                            StringBuilder b = new StringBuilder();
                            for (JsonNode e : a[0]) {
                                if (isNull(e)) continue;
                                if (b.length() > 0) b.append(sep);
                                b.append(asText(e));
                            }
                            return text(b.toString());
                        }));
    }
}

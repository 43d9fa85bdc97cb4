package io.leadflow.dsl.builtin;

import static io.leadflow.dsl.builtin.Specs.*;
import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Type;
import java.util.List;

/** Missing values: default and coalesce (the {@code ??} operator is coalesce of two). */
final class NullBuiltins {
    private NullBuiltins() { }

    static List<BuiltinSpec> specs() {
        return List.of(
                fn("default", "The value, or the fallback when the value is null or empty text.", Type.ANY,
                        List.of(p("value", Type.ANY), p("fallback", Type.ANY)),
                        List.of(ex("default('', 'n/a')", "\"n/a\""), ex("default(0, 5)", "0")),
                        (a, env) -> isNull(a[0]) || a[0].isTextual() && a[0].textValue().isEmpty() ? norm(a[1]) : a[0]),
                variadic("coalesce", "The first argument that is not null.", Type.ANY, List.of(p("values", Type.ANY)),
                        List.of(ex("coalesce(null, '', 'x')", "\"\""), ex("coalesce(null, null)", "null")),
                        (a, env) -> {
                            for (JsonNode n : a) if (!isNull(n)) return n;
                            return null;
                        }));
    }
}

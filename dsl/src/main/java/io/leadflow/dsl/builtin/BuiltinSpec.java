package io.leadflow.dsl.builtin;

import io.leadflow.dsl.eval.Type;
import java.util.List;

/**
 * One builtin function.
 *
 * @param variadic the last parameter repeats ({@code concat(a, b, c, …)})
 */
public record BuiltinSpec(String name, String doc, List<Param> params, boolean variadic, Type result,
                          List<Example> examples, Binder binder) {

    public BuiltinSpec {
        params = List.copyOf(params);
        examples = List.copyOf(examples);
    }

    public int minArgs() {
        return (int) params.stream().filter(p -> !p.optional()).count() - (variadic ? 1 : 0);
    }

    public int maxArgs() {
        return variadic ? Integer.MAX_VALUE : params.size();
    }

    /** The parameter an argument at this position binds to. */
    public Param paramAt(int i) {
        return i < params.size() ? params.get(i) : params.get(params.size() - 1);
    }

    /** {@code lower(text: string) -> string}. */
    public String signature() {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) b.append(", ");
            b.append(p.name()).append(p.optional() ? "?" : "").append(": ").append(p.type().display());
            if (variadic && i == params.size() - 1) b.append("…");
        }
        return b.append(") -> ").append(result.display()).toString();
    }
}

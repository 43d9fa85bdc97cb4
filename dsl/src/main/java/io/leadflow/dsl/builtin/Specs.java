package io.leadflow.dsl.builtin;

import io.leadflow.dsl.eval.Type;
import java.util.List;

/** Short-hands for declaring builtins. */
final class Specs {
    private Specs() { }

    static BuiltinSpec fn(String name, String doc, Type result, List<Param> params, List<Example> examples, Fn fn) {
        return new BuiltinSpec(name, doc, params, false, result, examples, Binder.of(fn));
    }

    static BuiltinSpec bound(String name, String doc, Type result, List<Param> params, List<Example> examples, Binder binder) {
        return new BuiltinSpec(name, doc, params, false, result, examples, binder);
    }

    static BuiltinSpec variadic(String name, String doc, Type result, List<Param> params, List<Example> examples, Fn fn) {
        return new BuiltinSpec(name, doc, params, true, result, examples, Binder.of(fn));
    }

    /** A function that counts its own steps (per list element) and so needs the call's position. */
    interface CountingFn {
        com.fasterxml.jackson.databind.JsonNode apply(com.fasterxml.jackson.databind.JsonNode[] args,
                                                     io.leadflow.dsl.eval.Env env, io.leadflow.dsl.SourceSpan at);
    }

    static BuiltinSpec counting(String name, String doc, Type result, List<Param> params, List<Example> examples,
                                CountingFn fn) {
        return new BuiltinSpec(name, doc, params, false, result, examples, site -> (a, env) -> fn.apply(a, env, site.span()));
    }

    static Example ex(String call, String result) {
        return new Example(call, result);
    }

    static Param p(String name, Type type) {
        return Param.of(name, type);
    }

    static Param opt(String name, Type type) {
        return Param.opt(name, type);
    }
}

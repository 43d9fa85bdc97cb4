package io.leadflow.dsl.builtin;

import io.leadflow.dsl.eval.Type;

/** One parameter: its name (usable as a named argument), type, and whether it may be left out. */
public record Param(String name, Type type, boolean optional) {
    public static Param of(String name, Type type) {
        return new Param(name, type, false);
    }

    public static Param opt(String name, Type type) {
        return new Param(name, type, true);
    }
}

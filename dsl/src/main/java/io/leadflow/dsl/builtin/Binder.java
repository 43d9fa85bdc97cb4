package io.leadflow.dsl.builtin;

/**
 * Turns a call site into the function that runs per lead: the place to check and pre-compile
 * constant arguments (a regex, a date pattern) once.
 */
@FunctionalInterface
public interface Binder {
    Fn bind(Binding site);

    static Binder of(Fn fn) {
        return site -> fn;
    }
}

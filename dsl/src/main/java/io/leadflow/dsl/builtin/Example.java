package io.leadflow.dsl.builtin;

/** {@code call} is an expression, {@code result} the JSON it must give (a test runs every example). */
public record Example(String call, String result) { }

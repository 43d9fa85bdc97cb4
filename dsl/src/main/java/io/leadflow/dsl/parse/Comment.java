package io.leadflow.dsl.parse;

/** A {@code # comment} from the hidden channel, kept for the formatter. */
public record Comment(String text, int line, int column) { }

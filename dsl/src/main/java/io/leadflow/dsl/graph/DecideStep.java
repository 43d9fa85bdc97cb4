package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** The decision rules ({@code when} / {@code otherwise}), tried in order. */
public record DecideStep(String id, String label, SourceSpan span) implements GraphStep { }

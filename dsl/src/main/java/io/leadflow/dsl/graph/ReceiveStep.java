package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** The lead arrives from its source. */
public record ReceiveStep(String id, String label, SourceSpan span) implements GraphStep { }

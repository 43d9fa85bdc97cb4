package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** A {@code drop when} / {@code keep when} filter; a lead it stops goes to the dropped node. */
public record FilterStep(String id, String label, boolean keep, String reason, SourceSpan span) implements GraphStep { }

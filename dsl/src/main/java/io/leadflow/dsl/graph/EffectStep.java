package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** The effects sent to the target connector. */
public record EffectStep(String id, String label, SourceSpan span) implements GraphStep { }

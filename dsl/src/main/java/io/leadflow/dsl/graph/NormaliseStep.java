package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** Normalisation of the lead (the phone, L5) before filters and lookups. */
public record NormaliseStep(String id, String label, SourceSpan span) implements GraphStep { }

package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** One node of the rule graph. */
public sealed interface GraphStep permits ReceiveStep, FilterStep, NormaliseStep, FindStep, DecideStep, MapStep, EffectStep {
    /** Unique within the graph ({@code n3}). */
    String id();

    /** What the node does, for people. */
    String label();

    SourceSpan span();
}

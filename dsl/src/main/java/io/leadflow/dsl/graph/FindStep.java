package io.leadflow.dsl.graph;

import io.leadflow.dsl.SourceSpan;

/** The CRM lookup ({@code find contact by phone, email}). */
public record FindStep(String id, String label, SourceSpan span) implements GraphStep { }

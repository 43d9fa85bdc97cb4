package io.leadflow.dsl.ast;

/** Overwrite CRM values ({@code all}) or fill only empty ones ({@code empty}) (L3). */
public enum UpdateMode { ALL, EMPTY }

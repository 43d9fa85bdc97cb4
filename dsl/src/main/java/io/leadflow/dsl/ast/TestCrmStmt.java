package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;

/** {@code crm contact 7 { … }}: a record the CRM holds before the lead arrives. */
public record TestCrmStmt(String entity, LiteralExpr id, ObjectExpr value, SourceSpan span) implements TestStmt { }

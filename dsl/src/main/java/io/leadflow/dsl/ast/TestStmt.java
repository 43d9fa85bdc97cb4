package io.leadflow.dsl.ast;

/** A statement inside a {@code test} block. */
public sealed interface TestStmt extends Node
        permits TestFlowStmt, TestLeadStmt, TestCrmStmt, TestManagersStmt, TestNowStmt, ExpectStmt { }

package io.leadflow.dsl.ast;

/** A statement inside a {@code test} or {@code property} block. */
public sealed interface TestStmt extends Node
        permits TestFlowStmt, TestLeadStmt, TestCrmStmt, TestManagersStmt, TestNowStmt, ExpectStmt, TestCrmStatesStmt,
        TestTriesStmt { }

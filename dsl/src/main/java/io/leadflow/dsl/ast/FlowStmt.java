package io.leadflow.dsl.ast;

/** A statement inside a flow. */
public sealed interface FlowStmt extends Node
        permits FromStmt, ToStmt, DelayStmt, FieldsStmt, DedupeStmt, PhoneStmt, LetDecl, ManagersDecl, DropStmt, KeepStmt, FindStmt,
        MarkerStmt, WhenStmt, OtherwiseStmt, UpdateModeStmt, MappingStmt { }

package io.leadflow.dsl.ast;

/** A declaration at the top of a file. */
public sealed interface TopDecl extends Node
        permits FlowDecl, TableDecl, TemplateDecl, ManagersDecl, LetDecl, TestDecl, ScheduleDecl {
    /** The declared name (flow and test names are their quoted titles). */
    String name();
}

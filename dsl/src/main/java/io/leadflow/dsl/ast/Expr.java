package io.leadflow.dsl.ast;

/** An expression over the lead, lets, tables and builtins. */
public sealed interface Expr extends Node
        permits LiteralExpr, TemplateExpr, NameExpr, MemberExpr, IndexExpr, CallExpr, ListExpr, ObjectExpr,
        NegExpr, NotExpr, BinaryExpr { }

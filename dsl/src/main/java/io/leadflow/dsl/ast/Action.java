package io.leadflow.dsl.ast;

/** What a decision rule does. */
public sealed interface Action extends Node permits CreateAction, UpdateAction, TaskAction, SkipAction { }

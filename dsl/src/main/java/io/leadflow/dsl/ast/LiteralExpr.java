package io.leadflow.dsl.ast;

/** A constant written in the source. */
public sealed interface LiteralExpr extends Expr permits StringExpr, NumberExpr, BoolExpr, NullExpr {
    /** The constant as plain Java: String, BigDecimal, Boolean, or null. */
    Object constant();
}

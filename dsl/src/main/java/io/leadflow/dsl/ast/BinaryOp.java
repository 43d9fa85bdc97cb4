package io.leadflow.dsl.ast;

/**
 * Binary operators with their source text and precedence (higher binds tighter), mirroring the
 * grammar: {@code * / %}, {@code + -}, {@code ??}, comparison, {@code in}, (prefix {@code not} = 3),
 * {@code and}, {@code or}; all left-associative.
 */
public enum BinaryOp {
    MUL("*", 8), DIV("/", 8), MOD("%", 8),
    ADD("+", 7), SUB("-", 7),
    COALESCE("??", 6),
    EQ("==", 5), NE("!=", 5), LT("<", 5), LE("<=", 5), GT(">", 5), GE(">=", 5),
    IN("in", 4), NOT_IN("not in", 4),
    AND("and", 2),
    OR("or", 1);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }
}

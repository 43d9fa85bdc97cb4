package io.leadflow.dsl.decide.analysis;

import io.leadflow.dsl.ast.Expr;
import java.util.List;

/** A condition as propositional logic over atoms. */
public sealed interface Formula {

    /** A leaf: a sub-expression read as a boolean; {@code key} identifies equal atoms, {@code presence} is set for record atoms. */
    record Atom(String key, Expr expr, Presence presence) implements Formula { }

    record Not(Formula operand) implements Formula { }

    record And(List<Formula> parts) implements Formula { }

    record Or(List<Formula> parts) implements Formula { }

    record Const(boolean value) implements Formula { }
}

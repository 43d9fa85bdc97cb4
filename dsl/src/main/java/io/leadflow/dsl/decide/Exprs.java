package io.leadflow.dsl.decide;

import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.MemberExpr;
import io.leadflow.dsl.ast.NameExpr;
import io.leadflow.dsl.compile.NameCheck;
import java.util.function.Predicate;

/** Small questions about expressions the checks ask. */
final class Exprs {
    private Exprs() { }

    /** Whether some sub-expression satisfies {@code p}. */
    static boolean any(Expr e, Predicate<Expr> p) {
        if (p.test(e)) return true;
        boolean[] found = {false};
        NameCheck.children(e, c -> found[0] |= any(c, p));
        return found[0];
    }

    static boolean names(Expr e, String name) {
        return any(e, x -> x instanceof NameExpr n && n.name().equals(name));
    }

    /** {@code root.member} anywhere in {@code e}. */
    static boolean member(Expr e, String root, String member) {
        return any(e, x -> x instanceof MemberExpr m && m.name().equals(member) && m.target() instanceof NameExpr n && n.name().equals(root));
    }
}

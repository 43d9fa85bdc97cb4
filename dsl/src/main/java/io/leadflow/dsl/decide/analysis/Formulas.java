package io.leadflow.dsl.decide.analysis;

import io.leadflow.dsl.ast.AstShape;
import io.leadflow.dsl.ast.BinaryExpr;
import io.leadflow.dsl.ast.BinaryOp;
import io.leadflow.dsl.ast.BoolExpr;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.MemberExpr;
import io.leadflow.dsl.ast.NameExpr;
import io.leadflow.dsl.ast.NotExpr;
import io.leadflow.dsl.ast.NullExpr;
import io.leadflow.dsl.ast.StringExpr;
import java.util.List;

/**
 * Condition → {@link Formula}. {@code and}, {@code or}, {@code not} and boolean literals are
 * logic; {@code a != b} is {@code not (a == b)}; {@code x == null} is {@code not x}. Record atoms
 * are recognised by shape: {@code contact}, {@code contact.id}, {@code deal}, {@code deal.id},
 * {@code deal.open|closed|marked} and {@code deal.group == "open"|"completed"|"cancelled"}.
 */
public final class Formulas {
    private Formulas() { }

    public static Formula of(Expr e) {
        if (e instanceof BoolExpr b) return new Formula.Const(b.value());
        if (e instanceof NotExpr n) return new Formula.Not(of(n.operand()));
        if (e instanceof BinaryExpr b) {
            switch (b.op()) {
                case AND: return new Formula.And(List.of(of(b.left()), of(b.right())));
                case OR: return new Formula.Or(List.of(of(b.left()), of(b.right())));
                case NE: return new Formula.Not(of(new BinaryExpr(BinaryOp.EQ, b.left(), b.right(), b.span())));
                case EQ:
                    if (b.right() instanceof NullExpr) return new Formula.Not(of(b.left()));
                    if (b.left() instanceof NullExpr) return new Formula.Not(of(b.right()));
                    break;
                default:
                    break;
            }
        }
        return atom(e);
    }

    private static Formula atom(Expr e) {
        Presence p = presence(e);
        return new Formula.Atom(p != null ? "@" + p : AstShape.of(e), e, p);
    }

    static Presence presence(Expr e) {
        if (e instanceof NameExpr n) return n.name().equals("contact") ? Presence.CONTACT : n.name().equals("deal") ? Presence.DEAL : null;
        if (e instanceof MemberExpr m && m.target() instanceof NameExpr n) {
            if (n.name().equals("contact") && m.name().equals("id")) return Presence.CONTACT;
            if (!n.name().equals("deal")) return null;
            return switch (m.name()) {
                case "id" -> Presence.DEAL;
                case "open" -> Presence.OPEN;
                case "closed" -> Presence.CLOSED;
                case "marked" -> Presence.MARKED;
                default -> null;
            };
        }
        if (e instanceof BinaryExpr b && b.op() == BinaryOp.EQ && b.right() instanceof StringExpr s
                && b.left() instanceof MemberExpr m && m.target() instanceof NameExpr n
                && n.name().equals("deal") && m.name().equals("group")) {
            return switch (s.value()) {
                case "open" -> Presence.OPEN;
                case "completed" -> Presence.COMPLETED;
                case "cancelled" -> Presence.CANCELLED;
                default -> null;
            };
        }
        return null;
    }
}

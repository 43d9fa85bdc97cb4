package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.ast.Expectation.Verb;
import io.leadflow.grammar.LeadflowParser.*;
import java.util.Optional;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds {@code test} blocks, nothing else. */
final class TestBuilder {
    private final Spans spans;
    private final ExprBuilder exprs;

    TestBuilder(Spans spans, ExprBuilder exprs) {
        this.spans = spans;
        this.exprs = exprs;
    }

    TestDecl test(TestDeclContext ctx) {
        return new TestDecl(StringLiterals.unquote(ctx.STRING().getText()), ctx.testStmt().stream().map(this::stmt).toList(),
                spans.of(ctx), ctx.PROPERTY() != null);
    }

    private TestStmt stmt(TestStmtContext ctx) {
        if (ctx instanceof TestFlowContext f) return new TestFlowStmt(StringLiterals.unquote(f.STRING().getText()), spans.of(f));
        if (ctx instanceof TestLeadContext l) return new TestLeadStmt(l.name().getText(), exprs.object(l.object()), spans.of(l));
        if (ctx instanceof TestCrmRecordContext c) {
            return new TestCrmStmt(c.name().getText(), exprs.literals().constant(c.literal()), exprs.object(c.object()), spans.of(c));
        }
        if (ctx instanceof TestManagersContext m) return new TestManagersStmt(m.name().getText(), exprs.object(m.object()), spans.of(m));
        if (ctx instanceof TestNowContext n) return new TestNowStmt(StringLiterals.unquote(n.STRING().getText()), spans.of(n));
        if (ctx instanceof TestCrmStatesContext c) {
            return new TestCrmStatesStmt(c.name().stream().map(n -> n.getText()).toList(), spans.of(c));
        }
        if (ctx instanceof TestTriesContext t) return new TestTriesStmt(tries(t), spans.of(t));
        TestExpectContext e = (TestExpectContext) ctx;
        return new ExpectStmt(expectation(e.expectation()), spans.of(e));
    }

    private Expectation expectation(ExpectationContext ctx) {
        if (ctx instanceof ExpectNoneContext n) {
            return new Expectation.None(verb(n.CREATE(), n.UPDATE()), n.effectTarget().getText(), spans.of(n));
        }
        if (ctx instanceof ExpectExactContext x) {
            return new Expectation.Exact(verb(x.CREATE(), x.UPDATE()), x.effectTarget().getText(),
                    Optional.ofNullable(x.object()).map(exprs::object), spans.of(x));
        }
        if (ctx instanceof ExpectEffectContext x) {
            return new Expectation.Effect(verb(x.CREATE(), x.UPDATE()), x.effectTarget().getText(),
                    Optional.ofNullable(x.object()).map(exprs::object), spans.of(x));
        }
        if (ctx instanceof ExpectDropContext d) {
            return new Expectation.Drop(Optional.ofNullable(d.STRING()).map(s -> StringLiterals.unquote(s.getText())), spans.of(d));
        }
        ExpectSkipContext s = (ExpectSkipContext) ctx;
        return new Expectation.Skip(Optional.ofNullable(s.STRING()).map(t -> StringLiterals.unquote(t.getText())), spans.of(s));
    }

    /** A count that does not fit an int reads as the largest one; the runner refuses more than it allows. */
    private static int tries(TestTriesContext t) {
        try {
            return Integer.parseInt(t.NUMBER().getText());
        } catch (NumberFormatException e) {
            return t.NUMBER().getText().contains(".") ? -1 : Integer.MAX_VALUE;
        }
    }

    private static Verb verb(TerminalNode create, TerminalNode update) {
        return create != null ? Verb.CREATE : update != null ? Verb.UPDATE : Verb.ANY;
    }
}

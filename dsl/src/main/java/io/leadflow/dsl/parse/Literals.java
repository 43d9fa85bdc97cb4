package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.BoolExpr;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.LiteralExpr;
import io.leadflow.dsl.ast.NullExpr;
import io.leadflow.dsl.ast.NumberExpr;
import io.leadflow.dsl.ast.StringExpr;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.grammar.LeadflowParser.*;
import java.math.BigDecimal;

/** Builds literal nodes; a double-quoted string goes through the template pass. */
final class Literals {
    private final Spans spans;
    private final Diagnostics sink;
    private final Templates templates;

    Literals(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.sink = sink;
        this.templates = new Templates(spans, sink);
    }

    /** A literal as an expression: a double-quoted string with holes becomes a template. */
    Expr value(LiteralContext ctx) {
        if (ctx instanceof StringLitContext s) return templates.parse(s.STRING().getSymbol());
        return constant(ctx);
    }

    /** A literal that must be constant (table keys, record ids); a template here is reported. */
    LiteralExpr constant(LiteralContext ctx) {
        if (ctx instanceof StringLitContext s) {
            Expr e = templates.parse(s.STRING().getSymbol());
            if (e instanceof StringExpr str) return str;
            sink.error(DiagnosticCode.LF105, "a key must be a constant; this string has a {hole}", spans.of(ctx));
            return new StringExpr(StringLiterals.unquote(s.STRING().getText()), spans.of(ctx));
        }
        if (ctx instanceof RawStringLitContext r) return new StringExpr(StringLiterals.unquote(r.RAW_STRING().getText()), spans.of(ctx));
        if (ctx instanceof NumberLitContext n) return new NumberExpr(new BigDecimal(n.NUMBER().getText()), spans.of(ctx));
        if (ctx instanceof NegNumberLitContext n) return new NumberExpr(new BigDecimal(n.NUMBER().getText()).negate(), spans.of(ctx));
        if (ctx instanceof BoolLitContext b) return new BoolExpr(b.TRUE() != null, spans.of(ctx));
        return new NullExpr(spans.of(ctx));
    }
}

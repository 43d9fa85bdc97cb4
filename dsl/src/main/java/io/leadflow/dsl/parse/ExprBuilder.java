package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.Arg;
import io.leadflow.dsl.ast.BinaryExpr;
import io.leadflow.dsl.ast.BinaryOp;
import io.leadflow.dsl.ast.CallExpr;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.IndexExpr;
import io.leadflow.dsl.ast.ListExpr;
import io.leadflow.dsl.ast.MemberExpr;
import io.leadflow.dsl.ast.NameExpr;
import io.leadflow.dsl.ast.NegExpr;
import io.leadflow.dsl.ast.NotExpr;
import io.leadflow.dsl.ast.ObjectExpr;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.grammar.LeadflowBaseVisitor;
import io.leadflow.grammar.LeadflowParser;
import io.leadflow.grammar.LeadflowParser.*;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds expression nodes, nothing else. */
final class ExprBuilder extends LeadflowBaseVisitor<Expr> {
    private final Spans spans;
    private final Literals literals;

    ExprBuilder(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.literals = new Literals(spans, sink);
    }

    Literals literals() {
        return literals;
    }

    Expr build(ExprContext ctx) {
        return visit(ctx);
    }

    List<Arg> args(List<ArgContext> args) {
        return args.stream().map(a -> new Arg(Optional.ofNullable(a.name()).map(ParserRuleContext::getText),
                build(a.expr()), spans.of(a))).toList();
    }

    ObjectExpr object(ObjectContext ctx) {
        return new ObjectExpr(ctx.field().stream().map(f -> new ObjectExpr.Field(
                f.name() != null ? f.name().getText() : StringLiterals.unquote(f.STRING().getText()),
                build(f.expr()), spans.of(f))).toList(), spans.of(ctx));
    }

    @Override
    public Expr visitMemberExpr(MemberExprContext ctx) {
        return new MemberExpr(build(ctx.expr()), ctx.name().getText(), spans.of(ctx));
    }

    @Override
    public Expr visitIndexExpr(IndexExprContext ctx) {
        return new IndexExpr(build(ctx.expr(0)), build(ctx.expr(1)), spans.of(ctx));
    }

    @Override
    public Expr visitCallExpr(CallExprContext ctx) {
        return new CallExpr(ctx.name().getText(), args(ctx.arg()), spans.of(ctx));
    }

    @Override
    public Expr visitLiteralExpr(LiteralExprContext ctx) {
        return literals.value(ctx.literal());
    }

    @Override
    public Expr visitListExpr(ListExprContext ctx) {
        return new ListExpr(ctx.expr().stream().map(this::build).toList(), spans.of(ctx));
    }

    @Override
    public Expr visitObjectExpr(ObjectExprContext ctx) {
        return object(ctx.object());
    }

    @Override
    public Expr visitNameExpr(NameExprContext ctx) {
        return new NameExpr(ctx.name().getText(), spans.of(ctx));
    }

    @Override
    public Expr visitParenExpr(ParenExprContext ctx) {
        return build(ctx.expr());
    }

    @Override
    public Expr visitNegExpr(NegExprContext ctx) {
        return new NegExpr(build(ctx.expr()), spans.of(ctx));
    }

    @Override
    public Expr visitNotExpr(NotExprContext ctx) {
        return new NotExpr(build(ctx.expr()), spans.of(ctx));
    }

    @Override
    public Expr visitMulExpr(MulExprContext ctx) {
        BinaryOp op = switch (ctx.op.getType()) {
            case LeadflowParser.STAR -> BinaryOp.MUL;
            case LeadflowParser.SLASH -> BinaryOp.DIV;
            default -> BinaryOp.MOD;
        };
        return binary(op, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitAddExpr(AddExprContext ctx) {
        return binary(ctx.op.getType() == LeadflowParser.PLUS ? BinaryOp.ADD : BinaryOp.SUB, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitCoalesceExpr(CoalesceExprContext ctx) {
        return binary(BinaryOp.COALESCE, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitCompareExpr(CompareExprContext ctx) {
        BinaryOp op = switch (ctx.op.getType()) {
            case LeadflowParser.EQEQ -> BinaryOp.EQ;
            case LeadflowParser.NEQ -> BinaryOp.NE;
            case LeadflowParser.LT -> BinaryOp.LT;
            case LeadflowParser.LE -> BinaryOp.LE;
            case LeadflowParser.GT -> BinaryOp.GT;
            default -> BinaryOp.GE;
        };
        return binary(op, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitInExpr(InExprContext ctx) {
        return binary(ctx.NOT() != null ? BinaryOp.NOT_IN : BinaryOp.IN, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitAndExpr(AndExprContext ctx) {
        return binary(BinaryOp.AND, ctx.expr(0), ctx.expr(1), ctx);
    }

    @Override
    public Expr visitOrExpr(OrExprContext ctx) {
        return binary(BinaryOp.OR, ctx.expr(0), ctx.expr(1), ctx);
    }

    private Expr binary(BinaryOp op, ExprContext l, ExprContext r, ParserRuleContext ctx) {
        return new BinaryExpr(op, build(l), build(r), spans.of(ctx));
    }
}

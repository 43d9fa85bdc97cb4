package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.*;
import io.leadflow.grammar.LeadflowBaseVisitor;
import io.leadflow.grammar.LeadflowParser.*;
import java.math.BigDecimal;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds top-level declarations, nothing else. */
final class DeclBuilder extends LeadflowBaseVisitor<TopDecl> {
    private final Spans spans;
    private final ExprBuilder exprs;
    private final FlowStmtBuilder stmts;
    private final TestBuilder tests;

    DeclBuilder(Spans spans, ExprBuilder exprs) {
        this.spans = spans;
        this.exprs = exprs;
        this.stmts = new FlowStmtBuilder(spans, exprs, this);
        this.tests = new TestBuilder(spans, exprs);
    }

    @Override
    public TopDecl visitTopFlow(TopFlowContext ctx) {
        FlowDeclContext f = ctx.flowDecl();
        return new FlowDecl(StringLiterals.unquote(f.STRING().getText()),
                f.flowStmt().stream().map(stmts::visit).toList(), spans.of(f));
    }

    @Override
    public TopDecl visitTopTable(TopTableContext ctx) {
        TableDeclContext t = ctx.tableDecl();
        return new TableDecl(t.name().getText(), t.tableEntry().stream().map(this::entry).toList(), spans.of(t));
    }

    @Override
    public TopDecl visitTopTemplate(TopTemplateContext ctx) {
        TemplateDeclContext t = ctx.templateDecl();
        return new TemplateDecl(t.name(0).getText(),
                t.name().subList(1, t.name().size()).stream().map(ParserRuleContext::getText).toList(),
                exprs.build(t.expr()), spans.of(t));
    }

    @Override
    public TopDecl visitTopManagers(TopManagersContext ctx) {
        return managers(ctx.managersDecl());
    }

    @Override
    public TopDecl visitTopLet(TopLetContext ctx) {
        return let(ctx.letDecl());
    }

    @Override
    public TopDecl visitTopTest(TopTestContext ctx) {
        return tests.test(ctx.testDecl());
    }

    @Override
    public TopDecl visitTopSchedule(TopScheduleContext ctx) {
        ScheduleDeclContext s = ctx.scheduleDecl();
        return new ScheduleDecl(StringLiterals.unquote(s.STRING(0).getText()), Durations.parse(s.DURATION().getText()),
                s.AT() == null ? Optional.empty() : Optional.of(StringLiterals.unquote(s.STRING(1).getText())),
                exprs.build(s.expr()), spans.of(s));
    }

    LetDecl let(LetDeclContext ctx) {
        return new LetDecl(ctx.name().getText(), exprs.build(ctx.expr()), spans.of(ctx));
    }

    ManagersDecl managers(ManagersDeclContext ctx) {
        return new ManagersDecl(ctx.name(0).getText(), ctx.name(1).getText(),
                ctx.managerEntry().stream().map(e -> new ManagerEntry(exprs.build(e.expr()),
                        Optional.ofNullable(e.NUMBER()).map(n -> new BigDecimal(n.getText())), spans.of(e))).toList(),
                Optional.ofNullable(ctx.expr()).map(exprs::build), spans.of(ctx));
    }

    private TableEntry entry(TableEntryContext ctx) {
        if (ctx instanceof KeyEntryContext k) {
            return new TableEntry(Optional.of(exprs.literals().constant(k.literal())), exprs.build(k.expr()), spans.of(k));
        }
        DefaultEntryContext d = (DefaultEntryContext) ctx;
        return new TableEntry(Optional.empty(), exprs.build(d.expr()), spans.of(d));
    }
}

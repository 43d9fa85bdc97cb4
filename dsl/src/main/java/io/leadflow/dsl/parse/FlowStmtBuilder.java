package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.*;
import io.leadflow.grammar.LeadflowBaseVisitor;
import io.leadflow.grammar.LeadflowParser.*;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds the statements of a flow, nothing else. */
final class FlowStmtBuilder extends LeadflowBaseVisitor<FlowStmt> {
    private final Spans spans;
    private final ExprBuilder exprs;
    private final DeclBuilder decls;

    FlowStmtBuilder(Spans spans, ExprBuilder exprs, DeclBuilder decls) {
        this.spans = spans;
        this.exprs = exprs;
        this.decls = decls;
    }

    @Override
    public FlowStmt visitFromStmt(FromStmtContext ctx) {
        return new FromStmt(ctx.qualifiedName().getText(), ctx.argList() == null ? List.of() : exprs.args(ctx.argList().arg()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitToStmt(ToStmtContext ctx) {
        return new ToStmt(ctx.name().getText(), ctx.argList() == null ? List.of() : exprs.args(ctx.argList().arg()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitDelayStmt(DelayStmtContext ctx) {
        return new DelayStmt(Durations.parse(ctx.DURATION().getText()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitFieldsStmt(FieldsStmtContext ctx) {
        return new FieldsStmt(ctx.name().stream().map(ParserRuleContext::getText).toList(), spans.of(ctx));
    }

    @Override
    public FlowStmt visitDedupeStmt(DedupeStmtContext ctx) {
        return new DedupeStmt(exprs.build(ctx.expr()), Optional.ofNullable(ctx.DURATION()).map(d -> Durations.parse(d.getText())),
                spans.of(ctx));
    }

    @Override
    public FlowStmt visitPhoneStmt(PhoneStmtContext ctx) {
        return new PhoneStmt(exprs.build(ctx.expr()), Optional.ofNullable(ctx.name()).map(ParserRuleContext::getText),
                Optional.ofNullable(ctx.NUMBER()).map(n -> safeInt(n.getText())), ctx.MOBILE() != null, spans.of(ctx));
    }

    @Override
    public FlowStmt visitFlowLet(FlowLetContext ctx) {
        return decls.let(ctx.letDecl());
    }

    @Override
    public FlowStmt visitFlowManagers(FlowManagersContext ctx) {
        return decls.managers(ctx.managersDecl());
    }

    @Override
    public FlowStmt visitDropStmt(DropStmtContext ctx) {
        return new DropStmt(exprs.build(ctx.expr()), StringLiterals.unquote(ctx.STRING().getText()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitKeepStmt(KeepStmtContext ctx) {
        return new KeepStmt(exprs.build(ctx.expr()), StringLiterals.unquote(ctx.STRING().getText()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitFindStmt(FindStmtContext ctx) {
        List<String> keys = ctx.name().subList(1, ctx.name().size()).stream().map(ParserRuleContext::getText).toList();
        return new FindStmt(ctx.name(0).getText(), keys, spans.of(ctx));
    }

    @Override
    public FlowStmt visitMarkerStmt(MarkerStmtContext ctx) {
        return new MarkerStmt(ctx.name().getText(), spans.of(ctx));
    }

    @Override
    public FlowStmt visitWhenStmt(WhenStmtContext ctx) {
        ActionListContext list = ctx.actionList();
        return new WhenStmt(exprs.build(ctx.expr()), actions(list), assignee(list), spans.of(ctx));
    }

    @Override
    public FlowStmt visitOtherwiseStmt(OtherwiseStmtContext ctx) {
        ActionListContext list = ctx.actionList();
        return new OtherwiseStmt(actions(list), assignee(list), spans.of(ctx));
    }

    @Override
    public FlowStmt visitUpdateModeStmt(UpdateModeStmtContext ctx) {
        return new UpdateModeStmt(mode(ctx.updateMode()), spans.of(ctx));
    }

    @Override
    public FlowStmt visitMappingStmt(MappingStmtContext ctx) {
        MappingBlockContext block = ctx.mappingBlock();
        if (block instanceof EntityBlockContext e) {
            return new EntityBlockStmt(e.name().getText(), Optional.ofNullable(e.updateMode()).map(FlowStmtBuilder::mode),
                    assignments(e.assignment()), spans.of(e));
        }
        ListBlockContext l = (ListBlockContext) block;
        return new ListBlockStmt(l.name(0).getText(), exprs.build(l.expr()), l.name(1).getText(),
                Optional.ofNullable(l.updateMode()).map(FlowStmtBuilder::mode), assignments(l.assignment()), spans.of(l));
    }

    private List<AssignStmt> assignments(List<AssignmentContext> list) {
        return list.stream().map(a -> new AssignStmt(a.name().getText(), exprs.build(a.expr()), a.IF() != null,
                spans.of(a))).toList();
    }

    private List<Action> actions(ActionListContext list) {
        return list.action().stream().map(this::action).toList();
    }

    private Optional<Expr> assignee(ActionListContext list) {
        return Optional.ofNullable(list.expr()).map(exprs::build);
    }

    private Action action(ActionContext ctx) {
        if (ctx instanceof CreateActionContext c) return new CreateAction(c.name().getText(), spans.of(c));
        if (ctx instanceof UpdateActionContext u) return new UpdateAction(u.name().getText(), spans.of(u));
        if (ctx instanceof SkipActionContext s) return new SkipAction(StringLiterals.unquote(s.STRING().getText()), spans.of(s));
        return new TaskAction(spans.of(ctx));
    }

    static UpdateMode mode(UpdateModeContext ctx) {
        return ctx instanceof UpdateAllContext ? UpdateMode.ALL : UpdateMode.EMPTY;
    }

    static int safeInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}

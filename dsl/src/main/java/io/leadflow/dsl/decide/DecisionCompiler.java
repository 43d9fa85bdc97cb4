package io.leadflow.dsl.decide;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.compile.CreatedEntities;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.decide.analysis.Formula;
import io.leadflow.dsl.decide.analysis.Formulas;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.exec.DecisionPlan;
import io.leadflow.dsl.exec.DecisionPlanFactory;
import io.leadflow.dsl.exec.ExprCompiler;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.record.LookupKey;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Builds each flow's {@link FlowDecisions} from what {@link DecisionsPhase} checked: closures for conditions, assignees and exclusions. */
final class DecisionCompiler implements DecisionPlanFactory {
    /** What the phase learned about one flow. */
    record Checked(DecisionScope scope, Map<String, Visible> collections, List<LookupKey.Kind> keys, ConnectorDescriptor target) { }

    /** A collection a flow can name, with the scope its {@code except when} is read in. */
    record Visible(ManagersDecl decl, io.leadflow.dsl.managers.ManagerCollection collection, io.leadflow.dsl.compile.Scope scope) { }

    private final Map<FlowUnit, Checked> checked = new IdentityHashMap<>();
    private final Map<String, String> sources;

    DecisionCompiler(Map<String, String> sources) {
        this.sources = sources;
    }

    void put(FlowUnit unit, Checked c) {
        checked.put(unit, c);
    }

    @Override
    public DecisionPlan plan(FlowUnit unit, ExprCompiler exprs) {
        Checked c = checked.get(unit);
        FlowDecl flow = unit.decl();
        DecisionScope ds = c.scope();
        List<CompiledRule> rules = new ArrayList<>();
        for (FlowStmt s : flow.body()) {
            if (s instanceof WhenStmt w) {
                List<CompiledRule.Atom> atoms = new ArrayList<>();
                atoms(Formulas.of(w.condition()), atoms, exprs, ds);
                rules.add(new CompiledRule(SourceText.of(sources, w.condition().span()), exprs.compile(w.condition(), ds.rules()),
                        atoms, steps(w.actions(), flow), assignee(w.assignee().orElse(null), c, exprs), w.span()));
            } else if (s instanceof OtherwiseStmt o) {
                rules.add(new CompiledRule("otherwise", null, List.of(), steps(o.actions(), flow), assignee(o.assignee().orElse(null), c, exprs), o.span()));
            }
        }
        if (rules.isEmpty()) rules.add(implicit(flow, c.target()));
        LookupPlan lookup = c.keys().isEmpty() ? null : new LookupPlan(c.keys(), usesDeal(flow),
                flow.all(MarkerStmt.class).stream().findFirst().map(MarkerStmt::field).orElse(null));
        return new FlowDecisions(rules, lookup, ds);
    }

    /** A flow without rules creates what it maps: the contact (when mapped and possible) and the deal. */
    private static CompiledRule implicit(FlowDecl flow, ConnectorDescriptor target) {
        return new CompiledRule("(no rules: create)", null, List.of(), steps(CreatedEntities.implicit(flow, target), flow), new Assignee.Nobody(), flow.span());
    }

    private Assignee assignee(Expr e, Checked c, ExprCompiler exprs) {
        if (e == null) return new Assignee.Nobody();
        if (e instanceof NameExpr n && c.collections().containsKey(n.name())) {
            Visible v = c.collections().get(n.name());
            Eval except = v.decl().except().map(x -> exprs.compile(x, c.scope().except(v.decl(), v.scope()))).orElse(null);
            return new Assignee.FromCollection(v.collection(), except);
        }
        return new Assignee.Direct(exprs.compile(e, c.scope().rules()), SourceText.of(sources, e.span()));
    }

    private void atoms(Formula f, List<CompiledRule.Atom> out, ExprCompiler exprs, DecisionScope ds) {
        if (f instanceof Formula.Atom a) {
            String text = SourceText.of(sources, a.expr().span());
            if (out.stream().noneMatch(x -> x.text().equals(text))) out.add(new CompiledRule.Atom(text, exprs.compile(a.expr(), ds.rules())));
        } else if (f instanceof Formula.Not n) {
            atoms(n.operand(), out, exprs, ds);
        } else if (f instanceof Formula.And a) {
            a.parts().forEach(p -> atoms(p, out, exprs, ds));
        } else if (f instanceof Formula.Or o) {
            o.parts().forEach(p -> atoms(p, out, exprs, ds));
        }
    }

    private static List<ActionStep> steps(List<Action> actions, FlowDecl flow) {
        return actions.stream().map(a -> ActionStep.of(a, flow)).toList();
    }

    static boolean usesDeal(FlowDecl flow) {
        for (WhenStmt w : flow.all(WhenStmt.class)) {
            if (Exprs.names(w.condition(), "deal") || w.assignee().filter(a -> Exprs.names(a, "deal")).isPresent()) return true;
            if (w.actions().stream().anyMatch(a -> a instanceof UpdateAction u && !u.entity().equals("contact") || a instanceof TaskAction)) return true;
        }
        return flow.all(OtherwiseStmt.class).stream().anyMatch(o -> o.actions().stream()
                .anyMatch(a -> a instanceof UpdateAction u && !u.entity().equals("contact") || a instanceof TaskAction));
    }
}

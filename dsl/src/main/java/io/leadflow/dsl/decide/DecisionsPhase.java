package io.leadflow.dsl.decide;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.compile.Resolved;
import io.leadflow.dsl.compile.Targeted;
import io.leadflow.dsl.exec.Decided;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.compile.NameCheck;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.dsl.exec.DecisionPlanFactory;
import io.leadflow.dsl.parse.ParsedFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the decisions of every flow (names in rules and assignees, collections, find and the
 * connector's capabilities, actions, reachability and coverage); its product is the
 * {@link DecisionPlanFactory} the build asks for each flow's plan. Runs after check-schema (it
 * needs the flow's connector).
 */
public final class DecisionsPhase implements Phase<Targeted, Decided> {
    private final Builtins builtins;

    public DecisionsPhase(Builtins builtins) {
        this.builtins = builtins;
    }

    @Override
    public String name() {
        return "check-decisions";
    }

    @Override
    public Decided run(Targeted targeted, Diagnostics diagnostics) {
        Resolved ctx = targeted.resolved();
        Sink sink = new Sink(diagnostics);
        Sink quiet = new Sink(new Diagnostics());
        NameCheck names = new NameCheck(builtins, diagnostics);
        for (ParsedFile f : ctx.files().values()) {
            f.ast().ifPresent(ast -> ast.decls().stream().filter(ManagersDecl.class::isInstance)
                    .forEach(d -> Collections.of((ManagersDecl) d, sink)));
        }
        DecisionCompiler compiler = new DecisionCompiler(ctx.sources());
        for (FlowUnit unit : ctx.flows()) {
            FlowDecl flow = unit.decl();
            ConnectorDescriptor target = targeted.connector(unit).orElse(null);
            DecisionScope ds = new DecisionScope(unit);
            Map<String, DecisionCompiler.Visible> collections = new LinkedHashMap<>();
            for (String n : unit.fileScope().names()) {
                Symbol s = unit.fileScope().find(n).orElseThrow();
                if (s.kind() == Symbol.Kind.MANAGERS) {
                    ManagersDecl d = (ManagersDecl) s.decl();
                    Collections.of(d, quiet).ifPresent(c -> collections.put(n, new DecisionCompiler.Visible(d, c, ctx.fileScopes().get(d.span().file()))));
                }
            }
            for (ManagersDecl d : flow.all(ManagersDecl.class)) {
                Collections.of(d, sink).ifPresent(c -> collections.put(d.name(), new DecisionCompiler.Visible(d, c, unit.flowScope())));
            }
            for (DecisionCompiler.Visible v : collections.values()) {
                v.decl().except().ifPresent(x -> names.check(x, ds.except(v.decl(), v.scope())));
            }
            for (FlowStmt s : flow.body()) {
                if (s instanceof WhenStmt w) {
                    names.check(w.condition(), ds.rules());
                    rule(w.actions(), w.assignee().orElse(null), target, ds, collections, names, sink);
                } else if (s instanceof OtherwiseStmt o) {
                    rule(o.actions(), o.assignee().orElse(null), target, ds, collections, names, sink);
                }
            }
            var keys = FindChecks.check(flow, target, DecisionCompiler.usesDeal(flow), sink);
            RuleChecks.check(flow, ctx.sources(), sink);
            compiler.put(unit, new DecisionCompiler.Checked(ds, collections, keys, target));
        }
        return new Decided(targeted, compiler);
    }

    private static void rule(List<Action> actions, Expr assignee, ConnectorDescriptor target, DecisionScope ds,
                             Map<String, DecisionCompiler.Visible> collections, NameCheck names, Sink sink) {
        for (Action a : actions) ActionChecks.check(a, target, sink);
        if (assignee == null) return;
        if (assignee instanceof NameExpr n && !collections.containsKey(n.name())) {
            Scope rules = ds.rules();
            if (rules.find(n.name()).isEmpty()) {
                sink.unknownCollection("unknown manager collection '" + n.name() + "'" + Suggest.hint(n.name(), collections.keySet())
                        + (collections.isEmpty() ? " (declare one: managers " + n.name() + " = rotate [101, 102])" : ""), n.span());
            }
            return;
        }
        if (!(assignee instanceof NameExpr)) names.check(assignee, ds.rules());
    }
}

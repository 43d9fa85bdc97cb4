package io.leadflow.dsl.exec;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.fmt.Formatter;
import io.leadflow.dsl.graph.*;
import io.leadflow.spi.EntityKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays each flow out as a rule graph: receive → normalise → filters → find → decide → map → effect. */
public final class PlanGraphPhase implements Phase<Decided, Planned> {

    @Override
    public String name() {
        return "plan-graph";
    }

    @Override
    public Planned run(Decided decided, Diagnostics sink) {
        Map<String, RuleGraph> graphs = new LinkedHashMap<>();
        for (FlowUnit unit : decided.targeted().resolved().flows()) graphs.putIfAbsent(unit.decl().name(), plan(unit.decl()));
        return new Planned(decided, graphs);
    }

    public static RuleGraph plan(FlowDecl flow) {
        List<GraphStep> steps = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String source = flow.all(FromStmt.class).stream().findFirst().map(FromStmt::source).orElse("?");
        var from = flow.all(FromStmt.class).stream().findFirst().map(Node::span).orElse(flow.span());
        steps.add(new ReceiveStep("n0", source, from));
        // normalisation (and the lets) run before the filters, which may read the phone
        flow.all(PhoneStmt.class).forEach(p -> steps.add(new NormaliseStep("n" + steps.size(),
                "phone" + p.region().map(r -> " as " + r).orElse(""), p.span())));
        for (FlowStmt s : flow.body()) {
            String id = "n" + steps.size();
            if (s instanceof DropStmt d) steps.add(new FilterStep(id, "drop when " + Formatter.expression(d.condition()), false, d.reason(), d.span()));
            if (s instanceof KeepStmt k) steps.add(new FilterStep(id, "keep when " + Formatter.expression(k.condition()), true, k.reason(), k.span()));
        }
        flow.all(FindStmt.class).forEach(f -> steps.add(new FindStep("n" + steps.size(),
                f.target() + " by " + String.join(", ", f.keys()), f.span())));
        List<FlowStmt> rules = new ArrayList<>(flow.all(WhenStmt.class));
        rules.addAll(flow.all(OtherwiseStmt.class));
        if (!rules.isEmpty()) {
            steps.add(new DecideStep("n" + steps.size(), rules.size() + " rule" + (rules.size() == 1 ? "" : "s"), rules.get(0).span()));
        }
        for (MappingStmt m : flow.all(MappingStmt.class)) {
            String entity = EntityKind.fromBlockName(m.entity()).map(EntityKind::blockName).orElse(m.entity());
            UpdateMode mode = flow.updateMode(m);
            List<String> fillOnly = m.fields().stream().filter(AssignStmt::ifEmpty).map(AssignStmt::field).toList();
            String label = entity + " (" + m.fields().size() + (m.fields().size() == 1 ? " field" : " fields") + ", update " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + (fillOnly.isEmpty() ? "" : "; if empty: " + String.join(", ", fillOnly)) + ")";
            steps.add(new MapStep("n" + steps.size(), label, entity, mode, m.fields().stream().map(AssignStmt::field).toList(),
                    fillOnly, m.span()));
        }
        String target = flow.all(ToStmt.class).stream().findFirst().map(ToStmt::connector).orElse("?");
        var to = flow.all(ToStmt.class).stream().findFirst().map(Node::span).orElse(flow.span());
        steps.add(new EffectStep("n" + steps.size(), target, to));
        for (int i = 1; i < steps.size(); i++) edges.add(new Edge(steps.get(i - 1).id(), steps.get(i).id(), ""));
        for (GraphStep s : steps) if (s instanceof FilterStep f) edges.add(new Edge(f.id(), "dropped", f.reason()));
        return new RuleGraph(flow.name(), steps, edges);
    }
}

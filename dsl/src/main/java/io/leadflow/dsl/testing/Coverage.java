package io.leadflow.dsl.testing;

import io.leadflow.dsl.Trace;
import io.leadflow.dsl.ast.DropStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.FlowStmt;
import io.leadflow.dsl.ast.KeepStmt;
import io.leadflow.dsl.ast.OtherwiseStmt;
import io.leadflow.dsl.ast.WhenStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules decided some test's lead and which filters dropped one: a rule is exercised when
 * it matched, a filter when it fired. What no test exercised is listed by position.
 */
public final class Coverage {
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final Map<String, String> filters = new LinkedHashMap<>();
    private final Set<String> hit = new HashSet<>();

    Coverage() { }

    /** Registers the rules and filters of a flow that has tests. */
    void flow(FlowDecl f) {
        for (FlowStmt s : f.body()) {
            if (s instanceof WhenStmt || s instanceof OtherwiseStmt) rules.put(s.span().at(), label(f, s));
            if (s instanceof DropStmt || s instanceof KeepStmt) filters.put(s.span().at(), label(f, s));
        }
    }

    void record(Trace trace) {
        for (Trace.Step s : trace.steps()) {
            boolean ruleHit = s.kind().equals("rule") && s.data() != null && s.data().path("matched").asBoolean(false);
            boolean filterHit = s.kind().equals("filter") && s.detail().endsWith("dropped");
            if (ruleHit || filterHit) hit.add(s.at());
        }
    }

    public List<String> missedRules() {
        return missed(rules);
    }

    public List<String> missedFilters() {
        return missed(filters);
    }

    public String summary() {
        return "coverage: " + (rules.size() - missedRules().size()) + "/" + rules.size() + " rules, "
                + (filters.size() - missedFilters().size()) + "/" + filters.size() + " filters exercised";
    }

    private List<String> missed(Map<String, String> all) {
        List<String> out = new ArrayList<>();
        all.forEach((at, label) -> {
            if (!hit.contains(at)) out.add(label);
        });
        return out;
    }

    private static String label(FlowDecl f, FlowStmt s) {
        String what = s instanceof WhenStmt ? "when rule" : s instanceof OtherwiseStmt ? "otherwise"
                : s instanceof DropStmt d ? "drop \"" + d.reason() + "\"" : "keep \"" + ((KeepStmt) s).reason() + "\"";
        return s.span().at() + " " + what + " (flow \"" + f.name() + "\")";
    }
}

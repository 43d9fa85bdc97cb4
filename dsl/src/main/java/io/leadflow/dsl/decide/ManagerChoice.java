package io.leadflow.dsl.decide;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.managers.Pick;
import io.leadflow.dsl.managers.Rotation;

/** Resolves a rule's assignee to a manager id for one lead, advancing the rotation state when a collection picks. */
final class ManagerChoice {
    record Chosen(String manager, ManagerState state) { }

    private ManagerChoice() { }

    static Chosen choose(Assignee a, Env env, ManagerState state, DecisionScope scope, java.util.List<Trace.Step> steps, CompiledRule rule) {
        if (a instanceof Assignee.Direct d) {
            JsonNode v = d.value().eval(env);
            String m = v == null ? null : Values.asText(v);
            steps.add(new Trace.Step("manager", "for " + d.text() + " = " + (m == null ? "nobody (the CRM's default)" : m), rule.at(),
                    Values.NODES.objectNode().put("manager", m)));
            return new Chosen(m, state);
        }
        if (a instanceof Assignee.FromCollection c) {
            Pick p = Rotation.pick(c.collection(), state, id -> excluded(c, id, env, scope));
            var data = Values.NODES.objectNode().put("collection", c.collection().name()).put("manager", p.manager().orElse(null));
            p.excluded().forEach(data.putArray("excluded")::add);
            steps.add(new Trace.Step("manager", c.collection().name() + " (" + c.collection().strategy().word() + ") → "
                    + p.manager().orElse("nobody: every manager is excluded, the CRM's default applies")
                    + (p.excluded().isEmpty() ? "" : "; excluded " + String.join(", ", p.excluded())), rule.at(), data));
            return new Chosen(p.manager().orElse(null), p.state());
        }
        return new Chosen(null, state);
    }

    private static boolean excluded(Assignee.FromCollection c, String id, Env env, DecisionScope scope) {
        if (c.except() == null) return false;
        env.set(scope.managerSlot(), Values.text(id));
        try {
            return Values.truthy(c.except().eval(env));
        } finally {
            env.set(scope.managerSlot(), null);
        }
    }
}

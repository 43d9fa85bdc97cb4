package io.leadflow.dsl.testing;

import io.leadflow.dsl.Decision;
import io.leadflow.dsl.decide.EffectJson;
import java.util.List;

/**
 * One test's result: its failures (empty when it passed), the rule that decided (its
 * {@code file:line:col}) and the decision, for the report.
 */
public record TestOutcome(String name, String at, List<String> failures, String rule, Decision decision) {
    public TestOutcome {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code FAIL file:line name}, each failure with its expect's position, then the rule and the actual effects. */
    public String render() {
        StringBuilder b = new StringBuilder(passed() ? "PASS " : "FAIL ").append(at).append(' ').append(name).append('\n');
        if (passed()) return b.toString();
        for (String f : failures) b.append("  ").append(f).append('\n');
        if (decision == null) return b.toString();
        b.append("  rule: ").append(rule != null ? rule : decision.dropReason().isPresent() ? "none (dropped by a filter)" : "none matched").append('\n');
        if (decision.dropReason().isPresent()) b.append("  actual: dropped (\"").append(decision.dropReason().get()).append("\")\n");
        else if (decision.effects().isEmpty()) b.append("  actual: no effects\n");
        else {
            b.append("  actual effects:\n");
            for (int i = 0; i < decision.effects().size(); i++) {
                b.append("    #").append(i).append(' ').append(EffectJson.of(decision.effects().get(i))).append('\n');
            }
        }
        return b.toString();
    }
}

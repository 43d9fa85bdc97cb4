package io.leadflow.dsl.testing;

import java.util.List;

/**
 * Every test's outcome, the compile output when the files did not compile, and rule coverage.
 * {@link #render} ends with the line {@code N passed, N failed}.
 */
public record TestReport(List<TestOutcome> outcomes, String compileErrors, Coverage coverage) {
    public TestReport {
        outcomes = List.copyOf(outcomes);
    }

    public long passed() {
        return outcomes.stream().filter(TestOutcome::passed).count();
    }

    public long failed() {
        return outcomes.size() - passed() + (compileErrors.isEmpty() ? 0 : 1);
    }

    public boolean ok() {
        return failed() == 0;
    }

    public String render(boolean verbose) {
        StringBuilder b = new StringBuilder();
        if (!compileErrors.isEmpty()) b.append(compileErrors).append("the rule files do not compile; no test ran\n");
        for (TestOutcome o : outcomes) if (verbose || !o.passed()) b.append(o.render());
        if (coverage != null && !outcomes.isEmpty()) {
            b.append(coverage.summary()).append('\n');
            coverage.missedRules().forEach(r -> b.append("  not exercised: ").append(r).append('\n'));
            coverage.missedFilters().forEach(r -> b.append("  not exercised: ").append(r).append('\n'));
        }
        b.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        return b.toString();
    }
}

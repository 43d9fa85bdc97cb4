package io.leadflow.dsl.testing;

import java.util.List;

/**
 * Every test's outcome, the compile output when the files did not compile, and rule coverage.
 * {@link #render} ends with the line {@code N passed, N failed}.
 *
 * @param reached which rules and filters the generated leads of the built-in properties reached
 *                (null when no property ran): a rule no generated lead reaches is listed as a
 *                warning, since the generator may just not write the value it needs
 */
public record TestReport(List<TestOutcome> outcomes, String compileErrors, Coverage coverage, List<PropertyOutcome> properties,
                         Coverage reached) {
    public TestReport {
        outcomes = List.copyOf(outcomes);
        properties = List.copyOf(properties);
    }

    public TestReport(List<TestOutcome> outcomes, String compileErrors, Coverage coverage) {
        this(outcomes, compileErrors, coverage, List.of(), null);
    }

    /** The tests that passed (built-in properties are counted apart: {@link #propertiesBroken()}). */
    public long passed() {
        return outcomes.stream().filter(TestOutcome::passed).count();
    }

    public long propertiesBroken() {
        return properties.stream().filter(p -> !p.held()).count();
    }

    /** Failed tests, broken built-in properties, and 1 when the files do not compile. */
    public long failed() {
        return outcomes.size() - passed() + propertiesBroken() + (compileErrors.isEmpty() ? 0 : 1);
    }

    public boolean ok() {
        return failed() == 0;
    }

    public String render(boolean verbose) {
        StringBuilder b = new StringBuilder();
        if (!compileErrors.isEmpty()) b.append(compileErrors).append("the rule files do not compile; no test ran\n");
        for (TestOutcome o : outcomes) if (verbose || !o.passed()) b.append(o.render());
        for (PropertyOutcome p : properties) if (verbose || !p.held()) b.append(p.render());
        if (coverage != null && !outcomes.isEmpty()) {
            b.append(coverage.summary()).append('\n');
            coverage.missedRules().forEach(r -> b.append("  not exercised: ").append(r).append('\n'));
            coverage.missedFilters().forEach(r -> b.append("  not exercised: ").append(r).append('\n'));
        }
        if (!properties.isEmpty()) {
            int leads = properties.stream().mapToInt(PropertyOutcome::tries).sum();
            b.append("properties: ").append(properties.size() - propertiesBroken()).append('/').append(properties.size())
                    .append(" held over ").append(leads).append(" generated leads (seed ").append(properties.get(0).seed()).append(")\n");
            if (reached != null) {
                reached.missedRules().forEach(r -> b.append("  warning: no generated lead reached ").append(r).append('\n'));
            }
        }
        b.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        return b.toString();
    }
}

package io.leadflow.dsl.testing;

import java.util.Optional;

/**
 * One property run over generated leads (the built-in properties of a flow, or a user's
 * {@code property} block): held over {@code tries} leads, or the property that broke, what was
 * seen, and the shrunk counterexample as a {@code test} block.
 *
 * @param title    what ran: {@code built-in properties of "orders"}, {@code property "never dropped"}
 * @param property the property that broke (empty when it held)
 * @param tries    leads generated (up to and including the failing one)
 * @param seed     the seed that reproduces this run ({@code leadflow test --seed N})
 */
public record PropertyOutcome(String title, String flow, String at, int tries, long seed, Optional<String> property, String detail,
                              String example) {
    /** A property block that could not run (no such flow, a statement a property cannot hold). */
    static PropertyOutcome broken(String title, String at, long seed, String why) {
        return new PropertyOutcome(title, "", at, 0, seed, Optional.of("runs"), why, "");
    }

    public boolean held() {
        return property.isEmpty();
    }

    public String render() {
        if (held()) return "PASS " + at + " " + title + " (" + tries + " generated leads)\n";
        if (example.isEmpty()) return "FAIL " + at + " " + title + "\n  " + detail + "\n";
        StringBuilder b = new StringBuilder("FAIL ").append(at).append(' ').append(title);
        if (!title.contains("\"" + property.get() + "\"")) b.append(": '").append(property.get()).append('\'');
        b.append(" broke on lead ").append(tries).append(" of the run with --seed ").append(seed).append('\n');
        b.append("  ").append(detail).append('\n');
        b.append("  shrunk counterexample, ready to paste beside the rules:\n");
        for (String line : example.split("\n")) b.append("    ").append(line).append('\n');
        return b.toString();
    }
}

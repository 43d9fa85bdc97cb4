package io.leadflow.dsl.testing;

import java.util.Optional;

/**
 * The built-in properties of one flow over generated leads: held over {@code tries} leads, or the
 * first property that broke, what was seen, and the shrunk counterexample as a {@code test} block.
 *
 * @param seed the seed that reproduces this run ({@code leadflow test --seed N})
 */
public record PropertyOutcome(String flow, String at, int tries, long seed, Optional<String> property, String detail, String example) {
    public boolean held() {
        return property.isEmpty();
    }

    public String render() {
        if (held()) return "PASS " + at + " built-in properties of \"" + flow + "\" (" + tries + " generated leads)\n";
        StringBuilder b = new StringBuilder("FAIL ").append(at).append(" built-in property '").append(property.get())
                .append("' of \"").append(flow).append("\", lead ").append(tries).append(" of the run with --seed ").append(seed).append('\n');
        b.append("  ").append(detail).append('\n');
        b.append("  shrunk counterexample, ready to paste beside the rules:\n");
        for (String line : example.split("\n")) b.append("    ").append(line).append('\n');
        return b.toString();
    }
}

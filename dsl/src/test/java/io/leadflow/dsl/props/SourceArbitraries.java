package io.leadflow.dsl.props;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random but well-formed rule-file fragments: expressions of every kind, with random parentheses. */
final class SourceArbitraries {
    private SourceArbitraries() { }

    static Arbitrary<String> names() {
        return Arbitraries.of("lead.a", "lead.b.c", "lead.items[0].sku", "x", "phone", "lead['k']", "lead.tags[-1]");
    }

    static Arbitrary<String> atoms() {
        return Arbitraries.oneOf(names(),
                Arbitraries.integers().between(-50, 5000).map(String::valueOf),
                Arbitraries.of("1.5", "0.25", "true", "false", "null", "'it''s'".replace("''", "\\'"), "'raw {x}'",
                        "\"tab\\there\"", "\"brace \\{ x \\}\"", "\"Hi {lead.name} #{lead.id}!\"", "\"{lower('A')}{lead.x ?? 'n'}\"",
                        "[]", "[1, 'two', lead.a]", "{ k: 1, \"two words\": lead.b }", "{}"));
    }

    static Arbitrary<String> exprs() {
        return exprs(3);
    }

    private static Arbitrary<String> exprs(int depth) {
        if (depth == 0) return atoms();
        Arbitrary<String> sub = exprs(depth - 1);
        Arbitrary<String> binary = Combinators.combine(sub, Arbitraries.of("+", "-", "*", "/", "%", "??", "==", "!=", "<", ">=",
                "in", "not in", "and", "or"), sub).as((l, op, r) -> l + " " + op + " " + r);
        return Arbitraries.oneOf(atoms(), binary,
                sub.map(s -> "(" + s + ")"),
                sub.map(s -> "not " + s),
                sub.map(s -> "-(" + s + ")"),
                sub.map(s -> "(" + s + ").f"),
                Combinators.combine(sub, sub).as((a, b) -> "concat(" + a + ", " + b + ")"),
                sub.map(s -> "lower(text: " + s + ")"),
                sub.map(s -> "[" + s + ", 1]"));
    }

    /** A whole file around generated expressions, with comments in awkward places. */
    static Arbitrary<String> files() {
        return Combinators.combine(exprs(), exprs(), exprs(), exprs()).as((a, b, c, d) -> """
                # leading comment
                let x = %s
                table t { 1 -> %s, 'k' -> 2, default -> 0 }   # trailing

                flow "gen" {
                  from site.orders(account: "a")
                  to keepincrm
                  # before drop
                  drop when %s "reason"
                  contact { name <- %s  # after field
                    email <- x if empty; }
                  when lead.a -> create deal for 1
                  otherwise -> skip "no"
                }
                """.formatted(a, b, c, d));
    }
}

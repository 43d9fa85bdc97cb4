package io.leadflow.bench;

/** A realistic rule file of about {@code lines} lines: shared tables and templates, then many flows like the checkout one. */
public final class RuleFileGenerator {
    private RuleFileGenerator() { }

    public static String generate(int lines) {
        StringBuilder b = new StringBuilder("""
                template buyer(name, phone) = "{name} ({phone})"
                table payments { "cod" -> "Cash on delivery", "card" -> "Card online", default -> "Other" }

                """);
        int n = 0;
        while (b.chars().filter(c -> c == '\n').count() < lines) {
            b.append(Fixture.LEADFLOW.substring(Fixture.LEADFLOW.indexOf("flow \"bench\""))
                    .replace("flow \"bench\"", "flow \"shop " + n + "\"")
                    .replace("  to baselinker\n", "  to baselinker\n  let k" + n + " = lead.order_id + " + n
                            + "\n  drop when lead.status == \"test\" \"test order\"\n"))
                    .append('\n');
            n++;
        }
        return b.toString();
    }
}

package io.leadflow.dsl.fmt;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.dsl.ast.AstShape;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.RuleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormatterTest {

    static String fmt(String text) {
        return Formatter.format("t.flow", text).text().orElseThrow(() -> new AssertionError("does not parse:\n" + text));
    }

    static String shape(String text) {
        return AstShape.of(RuleParser.parse("t.flow", text, new Diagnostics()).ast().orElseThrow());
    }

    static List<Path> samples() throws Exception {
        try (Stream<Path> a = Files.walk(Path.of("../examples")); Stream<Path> b = Files.walk(Path.of("src/test/resources/golden/mapping"));
             Stream<Path> c = Files.list(Path.of("../grammar/src/test/resources/io/leadflow/grammar/golden"))) {
            return Stream.of(a, b, c).flatMap(s -> s).filter(p -> p.toString().endsWith(".flow"))
                    .filter(p -> !p.toString().contains("unclosed")).sorted().toList();
        }
    }

    @Test
    void everySample_formatsIdempotently_andKeepsItsMeaning() throws Exception {
        for (Path p : samples()) {
            String text = Files.readString(p);
            String once = fmt(text);
            assertEquals(once, fmt(once), p.toString());
            assertEquals(shape(text), shape(once), p.toString());
        }
    }

    @Test
    void longTestData_isBrokenOneFieldPerLine_andShortDataStaysOnOneLine() {
        String src = "test \"t\" {\n lead { order_id: 1210, delivery_name: \"Petro\", analytics: { utm_source: \"google\", utm_medium: \"cpc\" },"
                + " products: [ { article: \"A-1\", title: \"Kettle\", price: \"799.50\", quantity: 2 } ] }\n"
                + " crm contact 7 { phone: \"+380671234567\", manager: 101 }\n}\n";
        String out = fmt(src);
        assertEquals("""
                test "t" {
                  lead {
                    order_id: 1210,
                    delivery_name: "Petro",
                    analytics: { utm_source: "google", utm_medium: "cpc" },
                    products: [{ article: "A-1", title: "Kettle", price: "799.50", quantity: 2 }]
                  }
                  crm contact 7 { phone: "+380671234567", manager: 101 }
                }
                """, out);
        assertEquals(out, fmt(out));
        assertEquals(shape(src), shape(out));
        assertTrue(out.lines().allMatch(l -> l.length() <= ExprPrinter.WIDTH), out);
    }

    @Test
    void examples_areInCanonicalFormat() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("../examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".flow")).sorted().toList()) {
                String text = Files.readString(p);
                assertEquals(fmt(text), text, p + " is not formatted: run ./leadflow fmt " + p);
            }
        }
    }

    @Test
    void comments_arePreserved() throws Exception {
        for (Path p : samples()) {
            String text = Files.readString(p);
            String once = fmt(text);
            text.lines().map(String::strip).filter(l -> l.startsWith("#")).forEach(c -> assertTrue(once.contains(c), p + ": lost " + c));
        }
    }

    @Test
    void mappingArrows_areAligned_andTrailingCommentsStay() {
        String out = fmt("flow \"x\" { from a to b  contact { name <- lead.n  # who\n email <- lead.e if empty } }");
        assertEquals("""
                flow "x" {
                  from a
                  to b
                  contact {
                    name  <- lead.n  # who
                    email <- lead.e if empty
                  }
                }
                """, out);
    }

    @Test
    void parentheses_onlyWhereNeeded() {
        assertEquals("let a = (1 + 2) * -(3) - -4 - (5 - 6)\n", fmt("let a = ((1 + 2)) * -(3) - -4 - (5 - 6)"));
        assertEquals("let b = not (x and y) or x.a[0] ?? 'n'\n".replace('\'', '"'), fmt("let b = (not (x and y)) or (x.a[0] ?? 'n')"));
    }

    @Test
    void syntaxErrors_areReturned_notFormatted() {
        io.leadflow.dsl.Formatted r = Formatter.format("t.flow", "flow {");
        assertTrue(r.text().isEmpty());
        assertFalse(r.errors().isEmpty());
    }
}

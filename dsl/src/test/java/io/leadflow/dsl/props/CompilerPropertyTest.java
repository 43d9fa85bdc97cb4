package io.leadflow.dsl.props;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compiler never throws on arbitrary or mutated input: it returns a program or diagnostics. */
class CompilerPropertyTest {
    private static final String EXAMPLE = read("../examples/horoshop-keepincrm/orders.flow");
    private static final String GOLDEN = read("src/test/resources/golden/mapping/templates-tables.flow");

    private static String read(String p) {
        try {
            return Files.readString(Path.of(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> base = Arbitraries.of(EXAMPLE, GOLDEN);
        Arbitrary<String> junk = Arbitraries.oneOf(Arbitraries.of("{", "}", "\"", "'", "(", "->", "<-", "??", "\\", "{lead.", "#",
                "flow", "when", "table t {", "99999999999999999999999d", "1e999999", "\n", "import \"x.flow\"", "let a = a"),
                Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(base, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 40),
                junk, Arbitraries.integers().between(0, 2)).as((text, at, len, insert, op) -> {
            int i = Math.min(at, text.length());
            int j = Math.min(text.length(), i + len);
            return switch (op) {
                case 0 -> text.substring(0, i) + text.substring(j);
                case 1 -> text.substring(0, i) + insert + text.substring(i);
                default -> text.substring(0, i) + text.substring(i, j) + text.substring(i);
            };
        });
    }

    @Provide
    Arbitrary<String> arbitrary() {
        return Arbitraries.strings().withChars("flowtc{}()[]\"'<-=>?.,:#\\ \n0123456789abxyz_").ofMaxLength(200);
    }

    @Property(tries = 400)
    void mutatedFiles_giveDiagnostics_neverExceptions(@ForAll("mutated") String source) {
        check(source);
    }

    @Property(tries = 300)
    void arbitraryText_givesDiagnostics_neverExceptions(@ForAll("arbitrary") String source) {
        check(source);
    }

    @Property(tries = 200)
    void generatedFiles_compileOrExplainWhy(@ForAll("generated") String source) {
        check(source);
    }

    @Provide
    Arbitrary<String> generated() {
        return SourceArbitraries.files();
    }

    private static void check(String source) {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("m.flow", source));
        assertTrue(r.ok() || !r.diagnostics().isEmpty());
        for (Diagnostic d : r.diagnostics()) {
            assertFalse(d.message().contains("internal compiler error"), d.message() + "\n" + source);
        }
        r.render();
    }
}

package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code golden/diagnostics/x.flow} and {@code golden/decisions/x.flow} renders exactly the
 * text in {@code x.errors}: what {@code leadflow check} prints (path:line:col, severity, code,
 * message, the source line and the caret), so a change to any of it fails here. The decisions
 * goldens cover every decision code, LF510 to LF520.
 */
class DiagnosticsGoldenTest {

    @TestFactory
    Stream<DynamicTest> diagnostics_matchTheGoldenFiles() {
        var inputs = Stream.of("diagnostics", "decisions").flatMap(dir -> GoldenFiles.inputs(dir).stream()).toList();
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(), () -> check(p)));
    }

    @Test
    void decisionGoldens_coverEveryDecisionCode() throws Exception {
        Set<String> seen = new TreeSet<>();
        for (Path p : GoldenFiles.inputs("decisions")) {
            compile(p).diagnostics().forEach(d -> seen.add(d.code().name()));
        }
        List<String> decisionCodes = Arrays.stream(DiagnosticCode.values()).map(Enum::name)
                .filter(c -> c.compareTo("LF510") >= 0 && c.compareTo("LF520") <= 0).toList();
        assertEquals(11, decisionCodes.size(), decisionCodes.toString());
        assertTrue(seen.containsAll(decisionCodes), "not covered: " + decisionCodes.stream().filter(c -> !seen.contains(c)).toList());
    }

    private static CompileResult compile(Path input) throws Exception {
        String name = input.getFileName().toString();
        return Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(name, Files.readString(input)));
    }

    private static void check(Path input) throws Exception {
        CompileResult r = compile(input);
        assertFalse(r.diagnostics().isEmpty(), input + " is a diagnostics golden but compiles without a finding");
        GoldenFiles.compare(GoldenFiles.sibling(input, ".errors"), r.render());
    }
}

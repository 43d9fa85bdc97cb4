package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each {@code golden/diagnostics/x.flow} reports exactly the codes and positions in {@code x.errors} (never message text). */
class DiagnosticsGoldenTest {

    @TestFactory
    Stream<DynamicTest> diagnostics_matchTheGoldenFiles() {
        var inputs = GoldenFiles.inputs("diagnostics");
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws Exception {
        String name = input.getFileName().toString();
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(name, Files.readString(input)));
        String actual = r.diagnostics().stream().map(DiagnosticsGoldenTest::line).collect(Collectors.joining("\n")) + "\n";
        GoldenFiles.compare(GoldenFiles.sibling(input, ".errors"), actual);
    }

    private static String line(Diagnostic d) {
        return d.severity().name().toLowerCase() + " " + d.code() + " " + d.span().line() + ":" + d.span().column();
    }
}

package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example under examples/ compiles (against Baselinker's real schema and a test KeepinCRM
 * schema), and where a folder has {@code lead.json} and {@code lead.out.json}, its first flow
 * maps the one to the other.
 */
class ExamplesTest {

    @TestFactory
    Stream<DynamicTest> examples_compile_andMapTheirSampleLeads() throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(Path.of("../examples"))) {
            dirs = s.filter(Files::isDirectory).filter(ExamplesTest::holdsRules).sorted().toList();
        }
        assertFalse(dirs.isEmpty());
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }

    /** An example folder holds rule files itself (not target/ or the examples module's src/). */
    private static boolean holdsRules(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".flow"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void check(Path dir) throws Exception {
        CompileResult r = Leadflow.compiler(TestCatalog.examples()).compile(List.of(dir));
        assertTrue(r.ok(), r.render());
        Path lead = dir.resolve("lead.json");
        if (!Files.exists(lead)) return;
        var flow = r.program().orElseThrow().flows().get(0);
        String actual = MappingGoldenTest.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(flow.map(MappingGoldenTest.JSON.readTree(lead.toFile()), MappingGoldenTest.CLOCK)) + "\n";
        GoldenFiles.compare(dir.resolve("lead.out.json"), actual);
    }
}

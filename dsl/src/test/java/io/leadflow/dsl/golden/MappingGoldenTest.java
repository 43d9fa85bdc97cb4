package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each {@code golden/mapping/x.flow}, run over {@code x.lead.json}, maps to exactly {@code x.out.json} (first flow of the file). */
class MappingGoldenTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> mappings_matchTheGoldenFiles() {
        var inputs = GoldenFiles.inputs("mapping");
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws Exception {
        String name = input.getFileName().toString();
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(name, Files.readString(input)));
        assertTrue(r.ok(), r.render());
        Flow flow = r.program().orElseThrow().flows().get(0);
        var lead = JSON.readTree(Files.readString(GoldenFiles.sibling(input, ".lead.json")));
        String actual = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(flow.map(lead, CLOCK)) + "\n";
        GoldenFiles.compare(GoldenFiles.sibling(input, ".out.json"), actual);
    }
}

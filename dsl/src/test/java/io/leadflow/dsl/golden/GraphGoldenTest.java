package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each {@code golden/graph/x.flow} prints exactly {@code x.dot} and {@code x.mmd} for its flows. */
class GraphGoldenTest {

    @TestFactory
    Stream<DynamicTest> graphs_matchTheGoldenFiles() {
        return GoldenFiles.inputs("graph").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws Exception {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of(input.getFileName().toString(), Files.readString(input)));
        assertTrue(r.ok(), r.render());
        var program = r.program().orElseThrow();
        StringBuilder dot = new StringBuilder();
        StringBuilder mermaid = new StringBuilder();
        for (Flow f : program.flows()) {
            dot.append(Leadflow.graph(program, f.name(), "dot").orElseThrow());
            mermaid.append(Leadflow.graph(program, f.name(), "mermaid").orElseThrow());
        }
        GoldenFiles.compare(GoldenFiles.sibling(input, ".dot"), dot.toString());
        GoldenFiles.compare(GoldenFiles.sibling(input, ".mmd"), mermaid.toString());
    }
}

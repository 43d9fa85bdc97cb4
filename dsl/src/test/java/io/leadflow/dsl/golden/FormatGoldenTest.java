package io.leadflow.dsl.golden;

import io.leadflow.dsl.fmt.Formatter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each {@code golden/fmt/x.flow} formats to exactly {@code x.formatted}: the canonical layout, written down. */
class FormatGoldenTest {

    @TestFactory
    Stream<DynamicTest> formatting_matchesTheGoldenFiles() {
        return GoldenFiles.inputs("fmt").stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws Exception {
        String out = Formatter.format(input.getFileName().toString(), Files.readString(input)).text().orElseThrow();
        GoldenFiles.compare(GoldenFiles.sibling(input, ".formatted"), out);
    }
}

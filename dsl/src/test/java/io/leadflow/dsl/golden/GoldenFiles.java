package io.leadflow.dsl.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Lists golden inputs and compares (or, with -Dgolden.update=true, rewrites) expected files. */
final class GoldenFiles {
    private GoldenFiles() { }

    static List<Path> inputs(String dir) {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/golden", dir))) {
            return s.filter(p -> p.toString().endsWith(".flow")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path flow, String suffix) {
        String name = flow.getFileName().toString();
        return flow.resolveSibling(name.substring(0, name.length() - ".flow".length()) + suffix);
    }

    static void compare(Path expected, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) Files.writeString(expected, actual);
        assertEquals(Files.readString(expected), actual, expected.toString());
    }
}

package io.leadflow.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example folder has a README.md that maps its seed's settings to the lines of its rule
 * files and says how to run it. A reference is a code span {@code `orders.flow:15 find contact by
 * phone`}: the file (in the folder), the line number, and text that line holds, so a reference
 * that no longer points at what it names (a line moved, a rule rewritten) fails here. Each rule
 * file of the folder (tests aside) is referenced, and the README shows {@code ./leadflow serve
 * examples/<folder> --sandbox} and a curl.
 */
class ExampleReadmesTest {
    /** {@code `file:line text`}; the text is what that line must contain. */
    private static final Pattern REFERENCE = Pattern.compile("`([A-Za-z0-9_.-]+\\.(?:flow|properties|json)):(\\d+)(?: ([^`]*))?`");

    @TestFactory
    Stream<DynamicTest> everyExampleReadme_pointsAtTheLinesItNames() throws IOException {
        List<Path> folders;
        try (Stream<Path> s = Files.list(Path.of("."))) {
            folders = s.filter(Files::isDirectory).filter(ExampleReadmesTest::holdsRules).sorted().toList();
        }
        assertTrue(folders.size() >= 5, "the seed examples: " + folders);
        return folders.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static boolean holdsRules(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".flow"));
        } catch (IOException e) {
            return false;
        }
    }

    private static void check(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        Path readme = folder.resolve("README.md");
        assertTrue(Files.exists(readme), name + " has no README.md");
        String text = Files.readString(readme);
        assertTrue(text.contains("./leadflow serve examples/" + name + " --sandbox"), name + "/README.md: how to run it in sandbox");
        assertTrue(text.contains("curl "), name + "/README.md: a sample curl");

        List<String> problems = new ArrayList<>();
        TreeSet<String> referenced = new TreeSet<>();
        int count = 0;
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            count++;
            String file = m.group(1);
            int line = Integer.parseInt(m.group(2));
            String expected = m.group(3);
            Path target = folder.resolve(file);
            if (!Files.isRegularFile(target)) {
                problems.add(m.group() + ": no file " + file + " in " + name);
                continue;
            }
            referenced.add(file);
            List<String> lines = Files.readAllLines(target);
            if (line < 1 || line > lines.size()) {
                problems.add(m.group() + ": " + file + " has " + lines.size() + " lines");
            } else if (expected == null || expected.isBlank()) {
                problems.add(m.group() + ": give the text of the line after the number (it is now '" + lines.get(line - 1).trim() + "')");
            } else if (!lines.get(line - 1).contains(expected)) {
                int at = -1;
                for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).contains(expected)) at = i + 1;
                problems.add(m.group() + ": line " + line + " is '" + lines.get(line - 1).trim() + "'" + (at > 0 ? "; the text is on line " + at : ""));
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".flow") && !file.endsWith("_test.flow") && !referenced.contains(file)) {
                    problems.add("no reference into " + file);
                }
            }
        }
        assertTrue(count >= 5, name + "/README.md maps its seed's settings to lines (`file.flow:12 text`); found " + count);
        assertTrue(problems.isEmpty(), name + "/README.md:\n  " + String.join("\n  ", problems));
    }
}

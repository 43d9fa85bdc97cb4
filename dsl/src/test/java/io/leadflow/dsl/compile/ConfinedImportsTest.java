package io.leadflow.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 point 9: imports stay inside the rules folder and only rule files are read, so no
 * diagnostic can echo the content of another file (a secret next to the rules, /etc/passwd).
 */
class ConfinedImportsTest {
    static final String SECRET_LINE = "db_password=hunter2-very-secret";

    static CompileResult compile(Path... paths) {
        return Leadflow.compiler(TestCatalog.catalog()).compile(List.of(paths));
    }

    @Test
    void importLeavingTheRulesFolder_isRefusedUnread(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(dir.resolve("outside.flow"), SECRET_LINE + "\n");
        Files.writeString(rules.resolve("main.flow"), "import \"../outside.flow\"\nimport \"/etc/passwd\"\nimport \"/proc/self/environ\"\n");
        CompileResult r = compile(rules);
        assertFalse(r.ok());
        String text = r.render();
        assertFalse(text.contains("hunter2"), text);
        assertFalse(text.contains("root:"), text);
        assertEquals(3, r.diagnostics().stream().filter(d -> d.code() == io.leadflow.dsl.DiagnosticCode.LF204).count(), text);
        assertTrue(text.contains("leaves the rules folder"), text);
        assertTrue(text.contains("only rule files (*.flow) can be imported"), text);
        assertEquals(1, r.sources().size(), "nothing outside was read: " + r.sources().keySet());
    }

    @Test
    void nonRuleFileInsideTheFolder_isNotReadEither(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("secrets.properties"), SECRET_LINE + "\n");
        Files.writeString(dir.resolve("main.flow"), "import \"secrets.properties\"\n");
        CompileResult r = compile(dir);
        assertFalse(r.render().contains("hunter2"), r.render());
        assertEquals(io.leadflow.dsl.DiagnosticCode.LF204, r.diagnostics().get(0).code());
    }

    @Test
    void symlinkOutOfTheFolder_isRefused(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path target = Files.writeString(dir.resolve("elsewhere.flow"), SECRET_LINE + "\n");
        Files.createSymbolicLink(rules.resolve("link.flow"), target);
        Files.writeString(rules.resolve("main.flow"), "import \"link.flow\"\n");
        CompileResult r = compile(rules.resolve("main.flow"));
        assertFalse(r.render().contains("hunter2"), r.render());
        assertTrue(r.render().contains("leaves the rules folder"), r.render());
    }

    @Test
    void importsInsideTheFolder_stillWork(@TempDir Path dir) throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("t.flow"), "table stages { 1 -> 'one' }\n");
        Files.writeString(dir.resolve("main.flow"), "import \"shared/t.flow\"\nflow \"m\" { from site.a to keepincrm contact { name <- stages[1] } }\n");
        CompileResult r = compile(dir.resolve("main.flow"));
        assertTrue(r.ok(), r.render());
    }
}

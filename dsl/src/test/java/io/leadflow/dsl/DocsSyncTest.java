package io.leadflow.dsl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.builtin.Builtins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/language.md lists every builtin (by its exact signature) and every diagnostic code. */
class DocsSyncTest {

    @Test
    void languageReference_listsEveryBuiltinAndCode() throws Exception {
        String doc = Files.readString(Path.of("../docs/language.md"));
        Builtins.standard().all().forEach(s -> assertTrue(doc.contains("`" + s.signature() + "`"), "missing builtin " + s.signature()));
        for (DiagnosticCode c : DiagnosticCode.values()) assertTrue(doc.contains("| " + c.name() + " | " + c.description() + " |"), "missing code " + c);
    }
}

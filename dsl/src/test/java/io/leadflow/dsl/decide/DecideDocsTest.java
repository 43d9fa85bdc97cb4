package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/language.md lists every decisions code, and its examples exist. */
class DecideDocsTest {

    @Test
    void languageReference_listsEveryDecisionCode() throws Exception {
        String doc = Files.readString(Path.of("../docs/language.md"));
        for (DecideCode c : DecideCode.values()) assertTrue(doc.contains("| " + c.name() + " | "), "missing code " + c);
        assertTrue(doc.contains("examples/calltouch-retailcrm/calls.flow") && Files.exists(Path.of("../examples/calltouch-retailcrm/calls.flow")));
        assertTrue(doc.contains("examples/horoshop-keepincrm/options.flow") && Files.exists(Path.of("../examples/horoshop-keepincrm/options.flow")));
    }
}

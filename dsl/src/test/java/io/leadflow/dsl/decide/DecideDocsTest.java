package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/language.md names the examples its decisions section points to, and they exist. */
class DecideDocsTest {

    @Test
    void languageReference_pointsAtExamplesThatExist() throws Exception {
        String doc = Files.readString(Path.of("../docs/language.md"));
        assertTrue(doc.contains("examples/calltouch-retailcrm/calls.flow") && Files.exists(Path.of("../examples/calltouch-retailcrm/calls.flow")));
        assertTrue(doc.contains("examples/horoshop-keepincrm/options.flow") && Files.exists(Path.of("../examples/horoshop-keepincrm/options.flow")));
    }
}

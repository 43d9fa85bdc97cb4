package io.leadflow.runtime.exec;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that builds one {@link Harness} in a temp folder; the harness is closed after each test. */
abstract class HarnessTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void closeHarness() {
        if (h != null) h.close();
    }
}

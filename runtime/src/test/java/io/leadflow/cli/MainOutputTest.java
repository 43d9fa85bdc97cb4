package io.leadflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Through the real entry point and the process's own stdout: what a command prints must reach it before exit. */
class MainOutputTest {

    @Test
    void testCommandOutput_reachesStdoutBeforeExit() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, false, StandardCharsets.UTF_8));
            code = Main.run("test", "../examples/calltouch-retailcrm");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.matches("(?s).*\\n?\\d+ passed, 0 failed\\s*.*"), "stdout was: <" + out + ">");
    }
}

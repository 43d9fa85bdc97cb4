package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.security.LogMasker;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

/** T9's log check: after intake at the most verbose level, the logs hold no token, raw phone or raw email. */
class IntakeLogMaskingTest {
    static final String TOKEN = "tok_mask_test_0123456789abcdef0123";
    static final String PHONE = "+380671234567";
    static final String EMAIL = "olena.koval@example.com";

    @Test
    void intakeLogs_containNoSecretOrRawPii() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Logger intake = Logger.getLogger(IntakeHandler.class.getName());
        Logger root = Logger.getLogger("");
        StreamHandler h = new StreamHandler(captured, new SimpleFormatter());
        h.setLevel(Level.ALL);
        root.addHandler(h);
        Level old = intake.getLevel();
        intake.setLevel(Level.FINE);
        MemoryJournal journal = new MemoryJournal();
        try (EdgeFixture edge = new EdgeFixture(journal, Map.of("source.site-form.token", TOKEN), Limits.DEFAULTS, Clock.systemUTC(), "site form")) {
            LogMasker.install(() -> edge.guards.secrets().values());
            String body = "{\"phone\":\"" + PHONE + "\",\"email\":\"" + EMAIL + "\",\"note\":\"call 067 123 45 67\"}";
            assertEquals(202, edge.post("/v1/leads/site-form", "application/json", body, "Authorization", "Bearer " + TOKEN).statusCode());
            assertEquals(401, edge.post("/v1/leads/site-form", "application/json", body, "Authorization", "Bearer " + TOKEN + "x").statusCode());
            Logger.getLogger("some.other.Component").warning("connector said: bad key " + TOKEN + " for " + EMAIL);
        } finally {
            intake.setLevel(old);
            h.flush();
            root.removeHandler(h);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("+38067*****67"), "the accepted lead was logged, masked:\n" + logs);
        assertFalse(logs.contains(TOKEN), logs);
        assertFalse(logs.contains("380671234567"), logs);
        assertFalse(logs.contains("067 123 45 67"), logs);
        assertFalse(logs.contains("olena.koval"), logs);
    }
}

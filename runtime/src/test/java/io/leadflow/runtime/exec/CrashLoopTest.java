package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.LeadStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small in-process T2: leads flow to a CRM that fails, loses answers and hangs, while the
 * engine is stopped and restarted on the same file again and again. At the end every lead is
 * done, every effect exists in the CRM exactly once, and each contact saw its leads in order.
 */
class CrashLoopTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void restartsDuringDelivery_loseNothing_duplicateNothing() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.options = h.options.withStopTimeout(Duration.ofMillis(50));
        h.start();
        h.crm.randomFailures(0.05).randomLostAnswers(0.05, 0.03);
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 50; i++) ids.add(h.append("+38067" + (2000000 + (i % 25))));
            Harness.sleep(60);
            h.restart();
        }
        h.crm.randomFailures(0).randomLostAnswers(0, 0);
        for (String id : ids) h.await(id, LeadStatus.DONE);

        Map<String, Integer> perKey = new HashMap<>();
        Map<String, List<Integer>> perContact = new HashMap<>();
        synchronized (h.crm.made) {
            for (FakeCrm.Made m : h.crm.made) {
                perKey.merge(m.idemKey(), 1, Integer::sum);
                if (m.kind().equals("create contact")) perContact.computeIfAbsent(m.contact(), k -> new ArrayList<>()).add(m.seq());
            }
        }
        Set<String> expected = new HashSet<>();
        for (String id : ids) for (int i = 0; i < 2; i++) expected.add(LeadRun.idempotencyKey(id, 1, i));
        assertEquals(expected, perKey.keySet(), "every effect of every lead reached the CRM");
        assertTrue(perKey.values().stream().allMatch(n -> n == 1), "no effect twice: " + perKey);
        for (List<Integer> order : perContact.values()) {
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "a contact's leads in acceptance order");
        }
    }
}

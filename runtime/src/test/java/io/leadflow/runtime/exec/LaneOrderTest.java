package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.LeadStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leads of one contact reach the CRM one at a time, in acceptance order, while contacts run in
 * parallel (T7). 20 contacts × 5 events in the default build; {@code -Psoak}: RELIABILITY.md's
 * 1,000 contacts × 10 events.
 */
class LaneOrderTest {
    static final boolean SOAK = Integer.getInteger("leadflow.soak", 1) > 1;
    static final int CONTACTS = SOAK ? 1_000 : 20;
    static final int EVENTS = SOAK ? 10 : 5;

    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void perContactOrder_holds_underConcurrencyAndRandomFailures() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.options = h.options.withConcurrency(10_000, 8);
        h.start();
        h.crm.randomFailures(0.1);
        List<String> ids = new ArrayList<>();
        for (int event = 0; event < EVENTS; event++) {
            for (int contact = 0; contact < CONTACTS; contact++) ids.add(h.append("+38067" + (1000000 + contact)));
        }
        for (String id : ids) h.await(id, LeadStatus.DONE, Duration.ofSeconds(SOAK ? 120 : 10));

        Map<String, List<Integer>> seen = new HashMap<>();
        synchronized (h.crm.made) {
            for (FakeCrm.Made m : h.crm.made) {
                if (!m.kind().equals("create contact")) continue;
                seen.computeIfAbsent(m.contact(), k -> new ArrayList<>()).add(m.seq());
            }
        }
        assertEquals(CONTACTS, seen.size());
        for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
            List<Integer> order = e.getValue();
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "contact " + e.getKey() + " saw its leads out of order");
            assertEquals(EVENTS, order.size(), "each lead's contact created once");
        }
        assertEquals(1, h.crm.maxInFlightPerContact.get(), "never two calls of one contact at once");
        assertTrue(h.crm.applyCalls.get() > 2 * CONTACTS * EVENTS, "random failures were retried");
    }
}

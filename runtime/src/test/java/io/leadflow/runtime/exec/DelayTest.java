package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leadflow.runtime.journal.LeadStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** L10: a flow's delay holds a lead until received + delay on the injected clock. */
class DelayTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void delayedFlow_waitsForItsDelay_thenRuns() {
        MutableClock clock = new MutableClock(Harness.t0());
        h = new Harness(dir, clock, StubProgram.of("v1", new StubFlow("calls", Duration.ofMinutes(1), "v1"))).start();
        String id = h.append("calls", "{\"phone\":\"+380673333331\"}");
        Harness.sleep(300);
        assertEquals(LeadStatus.PENDING, h.detail(id).summary().status());
        assertEquals(0, h.crm.applyCalls.get());
        clock.advance(Duration.ofSeconds(59));
        Harness.sleep(200);
        assertEquals(LeadStatus.PENDING, h.detail(id).summary().status(), "not before received + delay");
        clock.advance(Duration.ofSeconds(2));
        h.await(id, LeadStatus.DONE);
    }

    @Test
    void delayedLead_survivesRestart_andRunsOnce() {
        MutableClock clock = new MutableClock(Harness.t0());
        h = new Harness(dir, clock, StubProgram.of("v1", new StubFlow("calls", Duration.ofMinutes(1), "v1"))).start();
        String id = h.append("calls", "{\"phone\":\"+380673333332\"}");
        Harness.sleep(100);
        h.restart();
        clock.advance(Duration.ofMinutes(2));
        h.await(id, LeadStatus.DONE);
        assertEquals(1, h.crm.count("create contact"));
    }
}

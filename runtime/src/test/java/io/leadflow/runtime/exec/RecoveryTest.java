package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-doubt calls and crashes between send and record never create a record twice. */
class RecoveryTest {
    @TempDir
    Path dir;
    Harness h;

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    private void start() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1"))).start();
    }

    @Test
    void inDoubtCreate_isReconciled_notResent() {
        start();
        h.crm.inDoubtOnce();
        String id = h.append("+380672222221");
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(1, h.crm.count("create contact"), "the contact made before the lost answer is not made again");
        assertEquals(1, h.crm.count("create deal"));
        assertTrue(h.crm.reconcileCalls.get() >= 1);
        assertEquals(h.crm.made.get(0).crmId(), d.effects().get(0).crmRef(), "the reconciled id is recorded");
        assertEquals(h.crm.made.get(0).crmId(), h.crm.made.get(1).refs().get(0), "and feeds the deal");
    }

    @Test
    void crashBetweenSendAndRecord_restartReconciles_noDuplicate() {
        start();
        h.crm.hangAfterCreate(true);
        String id = h.append("+380672222222");
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (h.crm.made.isEmpty() && System.nanoTime() < end) Harness.sleep(5);
        assertEquals(1, h.crm.made.size(), "the CRM created the contact");
        assertEquals(EffectState.SENDING, h.detail(id).effects().get(0).state(), "its result was never recorded");

        h.stop();                              // the process "dies" with the call unanswered
        h.crm.hangAfterCreate(false);
        h.start();                             // a new process on the same database

        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(1, h.crm.count("create contact"), "no duplicate contact");
        assertEquals(1, h.crm.count("create deal"));
        assertEquals(h.crm.made.get(0).crmId(), d.effects().get(0).crmRef());
        assertEquals(1, d.effects().get(0).attempts(), "reconciled, not resent");
    }

    @Test
    void restartWithLeadWaitingToRetry_finishesIt() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.options = h.options.withRetry(new RetryPolicy(java.util.List.of(Duration.ofMillis(500)), Duration.ofMillis(500),
                0, Duration.ofHours(1)));
        h.start();
        h.crm.failNext(1, () -> new io.leadflow.spi.error.RetryableException("503", 503, null, null));
        String id = h.append("+380672222223");
        h.await(id, LeadStatus.RETRYING);
        h.restart();
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(1, h.crm.count("create contact"));
        assertEquals(EffectState.DONE, d.effects().get(1).state());
    }

    @Test
    void doneEffects_areNotRepeated_afterRestart() {
        start();
        String id = h.append("+380672222224");
        h.await(id, LeadStatus.DONE);
        int calls = h.crm.applyCalls.get();
        h.restart();
        Harness.sleep(200);
        assertEquals(calls, h.crm.applyCalls.get());
        assertEquals(LeadStatus.DONE, h.detail(id).summary().status());
    }
}

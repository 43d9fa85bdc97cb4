package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.EffectState;
import io.leadflow.runtime.journal.EffectView;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.ReplayVersion;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {
    @TempDir
    Path dir;
    Harness h;

    private Harness start() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1"))).start();
        return h;
    }

    @AfterEach
    void close() {
        if (h != null) h.close();
    }

    @Test
    void lead_becomesContactThenDealForIt_withTraceAndRuleVersion() {
        start();
        String id = h.append("+380671111111");
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(2, d.effects().size());
        EffectView contact = d.effects().get(0);
        EffectView deal = d.effects().get(1);
        assertEquals(EffectState.DONE, contact.state());
        assertEquals("create deal", deal.kind());
        assertEquals("lf-" + id + "-1-1", deal.idemKey());
        assertEquals(contact.crmRef(), h.crm.made.get(1).refs().get(0), "the deal points at the contact just created");
        assertEquals("v1", d.summary().ruleVersion());
        assertTrue(d.traceJson().contains("checked drop"), d.traceJson());
    }

    @Test
    void retryableFailures_areRetriedThenSucceed() {
        start();
        h.crm.failNext(2, () -> new RetryableException("503 from CRM", 503, null, null));
        String id = h.append("+380671111112");
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals(3, d.effects().get(0).attempts());
        assertEquals(2, d.attempts());
        assertEquals(1, h.crm.count("create contact"));
    }

    @Test
    void retryAfter_isHonoured() {
        start();
        h.crm.failNext(1, () -> new RetryableException("429", 429, Duration.ofMillis(400), null));
        long started = System.nanoTime();
        h.await(h.append("+380671111113"), LeadStatus.DONE);
        assertTrue(System.nanoTime() - started >= Duration.ofMillis(400).toNanos(), "waited for Retry-After");
    }

    @Test
    void permanentError_deadLetters_thenReplayDelivers() {
        start();
        h.crm.failNext(1, () -> new PermanentException("phone is invalid", "phone", 422));
        String id = h.append("+380671111114");
        LeadDetail dead = h.await(id, LeadStatus.DEAD);
        assertTrue(dead.summary().reason().contains("phone is invalid"), dead.summary().reason());
        assertEquals(EffectState.DEAD, dead.effects().get(0).state());
        assertEquals(EffectState.PENDING, dead.effects().get(1).state(), "later effects never sent");

        Await.result(h.journal.requestReplay(id, ReplayVersion.CURRENT));
        LeadDetail done = h.await(id, LeadStatus.DONE);
        assertEquals(2, done.run());
        List<EffectView> run2 = done.effects().stream().filter(e -> e.run() == 2).toList();
        assertEquals(2, run2.size());
        assertTrue(run2.stream().allMatch(e -> e.state() == EffectState.DONE));
        assertNotEquals(dead.effects().get(0).idemKey(), run2.get(0).idemKey(), "a replay is a new run with new keys");
    }

    @Test
    void authError_deadLettersAtOnce() {
        start();
        h.crm.failNext(1, () -> new AuthException("401 bad api key"));
        LeadDetail d = h.await(h.append("+380671111115"), LeadStatus.DEAD);
        assertTrue(d.summary().reason().contains("credentials"), d.summary().reason());
        assertEquals(1, h.crm.applyCalls.get());
    }

    @Test
    void exhaustedRetries_deadLetterWithReason() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.options = h.options.withRetry(new RetryPolicy(List.of(Duration.ofMillis(30)), Duration.ofMillis(30), 0, Duration.ofMillis(100)));
        h.start();
        h.crm.failNext(1000, () -> new RetryableException("503", 503, null, null));
        LeadDetail d = h.await(h.append("+380671111116"), LeadStatus.DEAD);
        assertTrue(d.summary().reason().contains("retries exhausted"), d.summary().reason());
    }

    @Test
    void ruleBudgetBreach_deadLetters_andLaterLeadsStillRun() {
        start();
        LeadDetail d = h.await(h.append("orders", "{\"phone\":\"1\",\"loop\":true}"), LeadStatus.DEAD);
        assertTrue(d.summary().reason().startsWith("rule budget exceeded"), d.summary().reason());
        h.await(h.append("+380671111117"), LeadStatus.DONE);
    }

    @Test
    void ruleErrorNamedLikeABudget_isARuleError_notABudgetBreach() {
        start();
        LeadDetail d = h.await(h.append("orders", "{\"phone\":\"1\",\"odd\":true}"), LeadStatus.DEAD);
        assertTrue(d.summary().reason().startsWith("rule error in flow orders"), d.summary().reason());
    }

    @Test
    void droppedLead_isRecordedWithReason_andSendsNothing() {
        start();
        LeadDetail d = h.await(h.append("orders", "{\"phone\":\"1\",\"drop\":true}"), LeadStatus.DROPPED);
        assertEquals("test lead", d.summary().reason());
        assertNotNull(d.traceJson());
        assertEquals(0, h.crm.applyCalls.get());
    }

    @Test
    void unknownFlowOrBadBody_deadLetterWithClearReason() {
        start();
        LeadDetail flow = h.await(h.append("nope", "{}"), LeadStatus.DEAD);
        assertTrue(flow.summary().reason().contains("flow 'nope' is not in the rules"), flow.summary().reason());
        LeadDetail body = h.await(h.append("orders", "{not json"), LeadStatus.DEAD);
        assertTrue(body.summary().reason().contains("the body is not valid JSON"), body.summary().reason());
    }

    @Test
    void replayOriginal_runsThePinnedRules_current_runsTheNewOnes() {
        start();
        String id = h.append("+380671111118");
        h.await(id, LeadStatus.DONE);
        h.programs.swap(StubProgram.of("v2", new StubFlow("orders", Duration.ZERO, "v2")));
        Await.result(h.journal.requestReplay(id, ReplayVersion.ORIGINAL));
        assertEquals("v1", h.await(id, LeadStatus.DONE).summary().ruleVersion());
        Await.result(h.journal.requestReplay(id, ReplayVersion.CURRENT));
        LeadDetail d = h.await(id, LeadStatus.DONE);
        assertEquals("v2", d.summary().ruleVersion());
        assertEquals(3, d.run());
        assertTrue(d.effects().stream().filter(e -> e.run() == 3).allMatch(e -> e.effectJson().contains("\"tag\":\"v2\"")));
    }

    @Test
    void leads_waitInTheJournal_untilRulesAreLoaded() {
        ProgramHolder empty = new ProgramHolder();
        h = new Harness(dir, Clock.systemUTC(), empty).start();
        String id = h.append("+380671111119");
        Harness.sleep(200);
        assertEquals(LeadStatus.PENDING, h.detail(id).summary().status());
        empty.swap(StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.await(id, LeadStatus.DONE);
    }

    @Test
    void managerRotation_staysFairAcrossRestart() {
        start();
        h.await(h.append("+380670000001"), LeadStatus.DONE);
        h.await(h.append("+380670000002"), LeadStatus.DONE);
        h.await(h.append("+380670000003"), LeadStatus.DONE);
        h.restart();
        h.await(h.append("+380670000004"), LeadStatus.DONE);
        List<String> managers = h.crm.made.stream().filter(m -> m.kind().equals("create deal")).map(FakeCrm.Made::manager).toList();
        assertEquals(List.of("ann", "bob", "ann", "bob"), managers);
    }
}

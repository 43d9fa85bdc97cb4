package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 13: a lead whose rule evaluation runs the JVM out of memory is quarantined as a
 * dead letter with the reason, instead of killing the executor (and, on every restart, the
 * process again: a poison pill). The leads after it are delivered.
 */
class PoisonLeadTest extends HarnessTest {

    @Test
    void evaluationOutOfMemory_isAQuarantinedDeadLetter_andTheNextLeadIsDelivered() {
        h = new Harness(dir, Clock.systemUTC(), StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1"))).start();
        String poison = h.append("orders", "{\"phone\":\"+380671110000\",\"oom\":true}");
        String next = h.append("+380671110001");
        String reason = h.await(poison, LeadStatus.DEAD).summary().reason();
        assertTrue(reason.startsWith("quarantined: evaluating the rules of flow 'orders' for this lead ran out of memory"), reason);
        h.await(next, LeadStatus.DONE);
        h.restart();
        h.await(poison, LeadStatus.DEAD);
        assertTrue(h.crm.made.size() == 2, "only the good lead reached the CRM: " + h.crm.made);
    }

    /** A lead during whose evaluation the process ended twice (kill, halt, a fatal error) is not evaluated a third time. */
    @Test
    void processEndedTwiceDuringALeadsEvaluation_quarantinesIt_beforeItIsEvaluatedAgain() {
        String reason = suspectAfterCrashes(2, LeadStatus.DEAD).summary().reason();
        assertTrue(reason.startsWith("quarantined: the process ended 2 times while evaluating"), reason);
        assertEquals(2, h.crm.made.size(), "only the next lead reached the CRM: " + h.crm.made);
    }

    @Test
    void control_oneCrash_isNotEnough_theLeadIsDelivered() {
        suspectAfterCrashes(1, LeadStatus.DONE);
        assertEquals(4, h.crm.made.size(), "both leads reached the CRM: " + h.crm.made);
    }

    /** Journals two leads, simulates {@code crashes} processes ending inside the first one's evaluation, restarts, runs both. */
    private LeadDetail suspectAfterCrashes(int crashes, LeadStatus expected) {
        java.nio.file.Path marks = dir.resolve("marks");
        ProgramHolder programs = new ProgramHolder();
        h = new Harness(dir, Clock.systemUTC(), programs).start();
        String suspect = h.append("+380671110100");
        String next = h.append("+380671110101");
        h.stop();
        for (int i = 0; i < crashes; i++) {
            // the process "ends" inside the evaluation: the next process opens the marks while the lead is still marked
            EvaluationMarks.open(marks).during(suspect + "#1", () -> EvaluationMarks.open(marks));
        }
        h.options = h.options.withEvaluationMarks(EvaluationMarks.open(marks));
        h.start();
        programs.swap(StubProgram.of("v1", new StubFlow("orders", Duration.ZERO, "v1")));
        h.await(next, LeadStatus.DONE, Duration.ofSeconds(60));
        return h.await(suspect, expected, Duration.ofSeconds(60));
    }
}

package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
}

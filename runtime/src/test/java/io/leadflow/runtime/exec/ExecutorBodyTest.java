package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor reads a stored body with the edge's parser: a form lead decodes as the edge checked it. */
class ExecutorBodyTest {
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
    void formLead_isDecodedLikeTheEdge_plusAsSpaceAndPercentEscapes() {
        start();
        h.await(h.append("orders", "phone=%2B380671234567&seq=7&tag=a&tag=b", "application/x-www-form-urlencoded; charset=UTF-8"),
                LeadStatus.DONE);
        FakeCrm.Made contact = h.crm.made.get(0);
        assertEquals("+380671234567", contact.contact());
        assertEquals(7, contact.seq());
    }

    @Test
    void storedBodyThatIsNotALead_deadLettersWithTheParsersReason() {
        start();
        LeadDetail d = h.await(h.append("orders", "{\"a\":", "application/json"), LeadStatus.DEAD);
        assertTrue(d.summary().reason().startsWith("the stored body cannot be read as a lead: the body is not valid JSON"),
                d.summary().reason());
    }
}

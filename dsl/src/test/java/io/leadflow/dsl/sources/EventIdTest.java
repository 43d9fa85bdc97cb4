package io.leadflow.dsl.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.dsl.fmt.Formatter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A flow's event id (issue 9 defect 3): the source's default, or the flow's {@code dedupe by}, with a window. */
class EventIdTest {

    static Flow flow(String from, String body) {
        CompileResult r = Leadflow.compiler(TestCatalog.examples()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from " + from + "\n  to keepincrm(account: \"main\")\n" + body + "\n  contact { name <- \"x\" }\n}\n"));
        assertTrue(r.ok(), r.render());
        return r.program().orElseThrow().flow("f").orElseThrow();
    }

    static JsonNode lead(String json) throws Exception {
        return ExprHarness.JSON.readTree(json);
    }

    @Test
    void aKnownSourceDeduplicatesByItsOwnEventId_byDefault() throws Exception {
        Flow f = flow("horoshop.orders(account: \"shop1\")", "");
        assertEquals(Optional.of("1207"), f.eventId(lead("{\"order_id\": 1207, \"total_sum\": 900}"), ExprHarness.CLOCK));
        assertEquals(Optional.of("1207"), f.eventId(lead("{\"order_id\": \"1207\"}"), ExprHarness.CLOCK));
        assertEquals(Optional.empty(), f.eventId(lead("{\"total_sum\": 900}"), ExprHarness.CLOCK));
        assertEquals(Duration.ofDays(30), f.dedupeWindow());
        assertEquals(Optional.of("77"), flow("calltouch.calls", "").eventId(lead("{\"callId\": \"77\"}"), ExprHarness.CLOCK));
    }

    @Test
    void aSourceWithSeveralIdParts_joinsThem() throws Exception {
        Flow f = flow("keycrm.order_status", "");
        assertEquals(Optional.of("5:13:2026-11-20 10:00:00"), f.eventId(lead(
                "{\"event\": \"order.change_order_status\", \"context\": {\"id\": 5, \"status_id\": 13,"
                        + " \"status_changed_at\": \"2026-11-20 10:00:00\"}}"), ExprHarness.CLOCK));
    }

    @Test
    void theRuleFileNamesTheKeyAndTheWindow() throws Exception {
        Flow site = flow("site.checkout", "");
        assertEquals(Optional.empty(), site.eventId(lead("{\"checkout_id\": \"c-1\"}"), ExprHarness.CLOCK));
        Flow named = flow("site.checkout", "  dedupe by lead.checkout_id within 2h");
        assertEquals(Optional.of("c-1"), named.eventId(lead("{\"checkout_id\": \"c-1\"}"), ExprHarness.CLOCK));
        assertEquals(Duration.ofHours(2), named.dedupeWindow());
        Flow override = flow("horoshop.orders", "  dedupe by \"{lead.order_id}-{lead.stat_status}\"");
        assertEquals(Optional.of("1207-2"), override.eventId(lead("{\"order_id\": 1207, \"stat_status\": 2}"), ExprHarness.CLOCK));
        assertEquals(Duration.ofDays(30), override.dedupeWindow());
    }

    @Test
    void aConstantKeyOrAnEmptyWindow_isAnError() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.form\n  to keepincrm\n  dedupe by \"x\" within 0s\n  contact { name <- \"x\" }\n}\n"));
        assertEquals(2, r.diagnostics().stream().filter(d -> d.code().name().equals("LF413")).count(), r.render());
        r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow",
                "flow \"f\" {\n  from site.form\n  to keepincrm\n  dedupe by lead.checkout_idd\n  fields checkout_id\n}\n"));
        assertTrue(r.render().contains("did you mean 'checkout_id'?"), r.render());
    }

    @Test
    void theStatementsFormatAsWritten() {
        String text = "flow \"f\" {\n  from site.form\n  to keepincrm\n  fields name, phone\n  dedupe by lead.id within 7d\n}\n";
        assertEquals(Optional.of(text), Formatter.format("f.flow", text).text());
    }
}

package io.leadflow.runtime.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.LeadDetail;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A RetailCRM orders/history flow read into the journal through its emulator: every entry one lead, the cursor in the journal. */
class RetailcrmPullTest {
    static final String FLOW = """
            flow "order changes" {
              from retailcrm.orders_history(account: "shop", poll: "1s")
              to keepincrm(account: "main")
              contact { name <- lead.order.firstName ?? "?" }
            }
            """;
    @TempDir
    Path dir;
    Vertx vertx;
    SqliteJournal journal;
    RetailcrmEmulator emulator;
    SourcePollers pollers;
    final Map<String, String> extra = new HashMap<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        journal = Await.result(SqliteJournal.open(vertx, dir, JournalOptions.defaults()));
        emulator = Await.result(new RetailcrmFactory().startEmulator(vertx, 0));
        emulator.rateLimit(new io.leadflow.spi.RateLimit(1000, Duration.ofSeconds(1), true, "test"));
    }

    @AfterEach
    void stop() {
        if (pollers != null) pollers.stop();
        Await.result(journal.close());
        Await.result(vertx.close());
    }

    static Program program(String text) {
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compileSources(Map.of("feed.flow", text));
        assertTrue(r.program().isPresent(), r.render());
        return r.program().get();
    }

    private SourcePollers pollers() {
        RetailcrmFactory factory = new RetailcrmFactory();
        return new SourcePollers(vertx, journal, ConnectorCatalog.discover(), (spec, settings) -> {
            AccountConfig a = emulator.account(spec.account());
            Map<String, String> s = new HashMap<>(a.settings());
            s.putAll(settings);
            s.putAll(extra);
            return Future.succeededFuture(factory.create(vertx, new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s)));
        }, Clock.systemUTC());
    }

    private void order(int i) {
        emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", "Buyer " + i));
    }

    private List<LeadSummary> leads() {
        return Await.result(journal.list(LeadQuery.all(1000)));
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void everyHistoryEntry_becomesOneLead_andTheCursorFollows() throws Exception {
        extra.put("page_limit", "20");
        for (int i = 0; i < 130; i++) order(i);
        pollers = pollers();
        pollers.apply(program(FLOW));
        assertEquals(1, pollers.size());
        await(() -> leads().size() == 130, "130 leads");
        String key = "order-changes|retailcrm.orders_history|shop";
        await(() -> Await.result(journal.cursor(key)).map(c -> c.leads() == 130).orElse(false), "cursor");
        long lastId = emulator.data().orderHistory().get(129).getLong("id");
        assertEquals(Long.toString(lastId), Await.result(journal.cursor(key)).orElseThrow().position());

        // a later edit is new entries; an entry read twice would be a DUPLICATE row: there are none
        JsonObject first = emulator.data().orders(o -> true).get(0);
        emulator.data().putOrder(first.put("status", "complete"));
        order(999);
        await(() -> leads().size() == 132, "two more leads (a status change, a new order)");
        Set<String> eventIds = new HashSet<>();
        for (LeadSummary s : leads()) {
            LeadDetail d = Await.result(journal.get(s.leadId())).orElseThrow();
            assertEquals("PENDING", s.status().name());
            assertTrue(eventIds.add(d.sourceEventId()), "event id " + d.sourceEventId() + " recorded once");
        }
        JsonNode status = leadBody("status");
        assertEquals("complete", status.path("newValue").path("code").asText());
        assertEquals("new", status.path("oldValue").path("code").asText());

        JsonNode report = Await.result(pollers.report()).path("sources").get(0);
        assertEquals(key, report.path("cursor_key").asText());
        assertEquals(Long.toString(lastId + 2), report.path("cursor").asText());
        assertEquals(132, report.path("leads_recorded").asLong());
        assertTrue(report.path("last_error").isNull());
        assertNotNull(report.path("last_poll").textValue());
        assertTrue(report.path("lag_seconds").isNumber());
    }

    private JsonNode leadBody(String field) throws Exception {
        for (LeadSummary s : leads()) {
            LeadDetail d = Await.result(journal.get(s.leadId())).orElseThrow();
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(d.body(), StandardCharsets.UTF_8));
            if (field.equals(n.path("field").asText())) return n;
        }
        throw new AssertionError("no lead for a change of " + field);
    }

    @Test
    void aFailingRead_storesNothing_isReported_andIsRetriedWithBackoff() throws Exception {
        for (int i = 0; i < 5; i++) order(i);
        emulator.faults().apply(new JsonObject().put("failNext", 2).put("status", 500));
        pollers = pollers();
        pollers.apply(program(FLOW));
        await(() -> Await.result(pollers.report()).path("sources").get(0).path("failures_in_a_row").asInt() >= 1, "a failure");
        JsonNode failed = Await.result(pollers.report()).path("sources").get(0);
        assertTrue(failed.path("last_error").asText().contains("500"), failed.toString());
        assertEquals(0, leads().size(), "nothing stored by a failed read");
        await(() -> leads().size() == 5, "the retry reads everything");
        await(() -> Await.result(pollers.report()).path("sources").get(0).path("last_error").isNull(), "error cleared");
    }

    @Test
    void sinceStartsANewCursorAtThatDay_andAReloadKeepsThePoller() throws Exception {
        for (int i = 0; i < 3; i++) order(i);
        pollers = pollers();
        String future = FLOW.replace("poll: \"1s\"", "poll: \"1s\", since: \"2999-01-01\"");
        pollers.apply(program(future));
        String key = "order-changes|retailcrm.orders_history|shop";
        await(() -> Await.result(journal.cursor(key)).isPresent(), "a first cursor");
        assertEquals(0, leads().size(), "nothing before the start day");
        assertTrue(emulator.received().stream().anyMatch(r -> r.uri().contains("startDate")), "the start day went as filter[startDate]");
        pollers.apply(program(future.replace("?? \"?\"", "?? \"-\"")));
        assertEquals(1, pollers.size());
        pollers.apply(program(FLOW.replace("retailcrm.orders_history(account: \"shop\", poll: \"1s\")", "site.form")));
        assertEquals(0, pollers.size(), "a flow that no longer pulls stops its poller");
    }

    @Test
    void backoff_doublesFromOneSecond_upToFiveMinutes_andHonoursRetryAfter() {
        assertEquals(Duration.ofSeconds(1), Poller.backoff(1, new RuntimeException()));
        assertEquals(Duration.ofSeconds(8), Poller.backoff(4, new RuntimeException()));
        assertEquals(Duration.ofMinutes(5), Poller.backoff(30, new RuntimeException()));
        assertEquals(Duration.ofSeconds(60), Poller.backoff(1, new io.leadflow.spi.error.RetryableException("x", 503, Duration.ofSeconds(60), null)));
    }

    /** The flow's {@code max_backoff} caps the doubling (the issue: backoff on errors is a setting); it is not handed to the connector. */
    @Test
    void maxBackoff_fromTheFlow_capsTheWaitAfterFailedReads() {
        Program p = program(FLOW.replace("poll: \"1s\")", "poll: \"1s\", max_backoff: \"20s\")"));
        PullSpec spec = PullSpec.of(p.flows().get(0), ConnectorCatalog.discover()).orElseThrow();
        assertEquals(Duration.ofSeconds(20), spec.maxBackoff());
        assertEquals(Duration.ofSeconds(16), Poller.backoff(5, new RuntimeException(), spec.maxBackoff()));
        assertEquals(Duration.ofSeconds(20), Poller.backoff(6, new RuntimeException(), spec.maxBackoff()));
        assertEquals(Duration.ofSeconds(20), Poller.backoff(30, new RuntimeException(), spec.maxBackoff()));
        assertTrue(!spec.settings().containsKey("max_backoff"), spec.settings().toString());
        assertEquals(Duration.ofMinutes(5), PullSpec.of(program(FLOW).flows().get(0), ConnectorCatalog.discover()).orElseThrow().maxBackoff());
    }

    @Test
    void wholeOrder_reachesTheFeedAsASetting_andEveryEntryCarriesTheWholeOrder() throws Exception {
        JsonObject a = emulator.data().putOrder(new JsonObject().put("site", "shop1").put("status", "new").put("firstName", "Olena")
                .put("items", new io.vertx.core.json.JsonArray().add(new JsonObject().put("productName", "Kettle"))));
        emulator.data().putOrder(a.copy().put("status", "complete"));
        Program p = program(FLOW.replace("poll: \"1s\"", "poll: \"1s\", whole_order: true"));
        assertEquals("true", PullSpec.of(p.flows().get(0), ConnectorCatalog.discover()).orElseThrow().settings().get("whole_order"));
        pollers = pollers();
        pollers.apply(p);
        await(() -> leads().size() == 2, "two leads");
        for (LeadSummary s : leads()) {
            LeadDetail d = Await.result(journal.get(s.leadId())).orElseThrow();
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.body());
            assertEquals("Kettle", body.path("order").path("items").path(0).path("productName").asText(), body.toString());
        }
    }
}

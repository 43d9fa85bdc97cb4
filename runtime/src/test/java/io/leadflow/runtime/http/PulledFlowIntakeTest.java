package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.testkit.EdgeFixture;
import io.leadflow.runtime.testkit.MemoryJournal;
import io.leadflow.spi.ConnectorCatalog;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pulled flow (the runtime reads its source from an API) has no intake: a POST to its path is a
 * 404 JSON error saying so, even with a valid source token, and nothing is stored. The same source
 * kind without {@code poll} (Horoshop's orders) is pushed and still accepted.
 */
class PulledFlowIntakeTest {
    static final String TOKEN = "tok_pulled_0123456789abcdef0123456789";
    static final String FLOWS = """
            flow "history" {
              from retailcrm.orders_history(account: "shop", poll: "30s")
              to keepincrm(account: "main")
              contact { name <- lead.order.firstName ?? "?" }
            }
            flow "shop pulled" {
              from horoshop.orders(account: "shop", poll: "1m")
              to keepincrm(account: "main")
              contact { name <- lead.delivery_name ?? "?" }
            }
            flow "shop pushed" {
              from horoshop.orders(account: "shop")
              to keepincrm(account: "main")
              contact { name <- lead.delivery_name ?? "?" }
            }
            """;
    static final MemoryJournal journal = new MemoryJournal();
    static EdgeFixture edge;

    @BeforeAll
    static void start() throws Exception {
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compileSources(Map.of("flows.flow", FLOWS));
        assertTrue(r.program().isPresent(), r.render());
        edge = new EdgeFixture(journal, Map.of("source.history.token", TOKEN, "source.shop-pulled.token", TOKEN,
                "source.shop-pushed.token", TOKEN), Limits.DEFAULTS, Clock.systemUTC(), r.program().get());
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    private static HttpResponse<String> post(String slug) throws Exception {
        return edge.post("/v1/leads/" + slug, "application/json", "{\"order_id\": 1207, \"delivery_name\": \"Olena\"}",
                "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void aPostToAPulledFlow_is404_andStoresNothing() throws Exception {
        int before = journal.count();
        HttpResponse<String> history = post("history");
        assertEquals(404, history.statusCode(), history.body());
        JsonNode h = new ObjectMapper().readTree(history.body());
        assertEquals("pulled_flow", h.path("error").asText());
        assertTrue(h.path("message").asText().contains("retailcrm.orders_history of account 'shop' every 30 s"), history.body());
        assertFalse(h.path("message").asText().contains("without its poll"), "RetailCRM's history is only ever pulled: " + history.body());

        HttpResponse<String> shop = post("shop-pulled");
        assertEquals(404, shop.statusCode(), shop.body());
        JsonNode s = new ObjectMapper().readTree(shop.body());
        assertEquals("pulled_flow", s.path("error").asText());
        assertTrue(s.path("message").asText().contains("without its poll argument the flow takes pushes"), shop.body());
        assertEquals(before, journal.count(), "nothing stored");
    }

    @Test
    void theSameKindWithoutPoll_isPushed() throws Exception {
        int before = journal.count();
        HttpResponse<String> r = post("shop-pushed");
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(before + 1, journal.count());
    }
}

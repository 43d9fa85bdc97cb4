package io.leadflow.dsl.exec;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ExprHarness;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadWriterTest {

    @Test
    void payloadBytes_equalTheMappedTree_forEveryEntity() throws Exception {
        var flow = (FlowProgram) FlowProgramTest.program(FlowProgramTest.FLOW).flow("site").orElseThrow();
        JsonNode lead = ExprHarness.JSON.readTree("{\"name\": \"Ann\", \"phone\": \"0671234567\", \"items\": [{\"sku\": 1.5}, {\"sku\": {\"a\": [null, 2]}}]}");
        JsonNode tree = flow.map(lead, ExprHarness.CLOCK);
        assertEquals(tree.get("contact"), ExprHarness.JSON.readTree(flow.payloadBytes(lead, ExprHarness.CLOCK, "contact").orElseThrow()));
        assertEquals(tree.get("deal"), ExprHarness.JSON.readTree(flow.payloadBytes(lead, ExprHarness.CLOCK, "deal").orElseThrow()));
        assertTrue(flow.payloadBytes(lead, ExprHarness.CLOCK, "task").isEmpty());
    }

    @Test
    void oneCompiledFlow_servesManyThreads_withTheSameResults() throws Exception {
        var flow = FlowProgramTest.program(FlowProgramTest.FLOW).flow("site").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        JsonNode lead = ExprHarness.JSON.readTree("{\"name\": \"n" + id + "-" + i + "\", \"items\": [{\"sku\": " + i + "}]}");
                        JsonNode out = flow.map(lead, ExprHarness.CLOCK);
                        if (!out.get("contact").get("name").asText().equals("n" + id + "-" + i)) return false;
                        if (out.get("deal").get("products").get(0).get("sku").asInt() != i) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}

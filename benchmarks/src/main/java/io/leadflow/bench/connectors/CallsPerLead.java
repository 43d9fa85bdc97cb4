package io.leadflow.bench.connectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.baselinker.BaselinkerFactory;
import io.leadflow.connector.keepincrm.KeepinCrmFactory;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * CRM calls per lead once reference data is cached, counted by the emulator (every request it
 * received, not what the connector reports). KeepinCRM runs the seed-000 algorithm: find by
 * phone and email with deals; new lead → contact + deal; repeat lead with an open deal → task.
 * Baselinker: every lead is one addOrder with two inventory products (SKUs cached).
 */
final class CallsPerLead {
    private static final RateLimit UNLIMITED = new RateLimit(100_000, Duration.ofSeconds(1), true, "bench");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    record Result(String crm, String lead, int leads, double callsPerLead, long maxCalls, long referenceCalls) { }

    private CallsPerLead() { }

    static List<Result> keepinCrm(int leads) {
        try (Scenario s = new Scenario(new KeepinCrmFactory(), UNLIMITED)) {
            lead(s, 0);
            lead(s, 0);
            long[] fresh = new long[leads];
            long[] repeat = new long[leads];
            long stagesBefore = s.emulator.counters().get("GET /v1/stages");
            for (int i = 1; i <= leads; i++) {
                long before = s.emulator.counters().total();
                lead(s, i);
                fresh[i - 1] = s.emulator.counters().total() - before;
                before = s.emulator.counters().total();
                lead(s, i);
                repeat[i - 1] = s.emulator.counters().total() - before;
            }
            long stages = s.emulator.counters().get("GET /v1/stages") - stagesBefore;
            return List.of(result("KeepinCRM", "new (contact + deal)", fresh, stages),
                    result("KeepinCRM", "repeat, open deal (task)", repeat, stages));
        }
    }

    /** Seed 000: contact and open deal → task; contact → deal; nothing → contact and deal. */
    private static void lead(Scenario s, int n) {
        String phone = String.format("+38067%07d", 1_000_000 + n);
        String key = "lead-" + n + "-" + System.nanoTime();
        Found found = Scenario.await(s.connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, phone),
                new LookupKey(LookupKey.Kind.EMAIL, "buyer" + n + "@example.com")), true, "deal_cf_1050")));
        ObjectNode deal = JSON.objectNode().put("title", "Order " + key).put("total", 900).put("stage_id", 1).put("deal_cf_1043", "google");
        if (found.contact().isEmpty()) {
            ObjectNode contact = JSON.objectNode().put("name", "Buyer " + n).put("phone", phone).put("email", "buyer" + n + "@example.com");
            String id = Scenario.await(s.connector.apply(new CreateContact(contact, "101"), ctx(key, 0, Map.of()))).crmId();
            Scenario.await(s.connector.apply(new CreateDeal(new RecordRef.Created(0), deal, "101", false), ctx(key, 1, Map.of(0, id))));
            return;
        }
        FoundDeal open = found.deals().stream().filter(FoundDeal::open).findFirst().orElse(null);
        if (open != null) {
            Scenario.await(s.connector.apply(new CreateTask(new RecordRef.Existing(open.id()), null, open.manager(),
                    JSON.objectNode().put("title", "Repeat order " + key)), ctx(key, 0, Map.of())));
        } else {
            Scenario.await(s.connector.apply(new CreateDeal(new RecordRef.Existing(found.contact().get().id()), deal,
                    found.contact().get().manager(), false), ctx(key, 0, Map.of())));
        }
    }

    static List<Result> baselinker(int leads) {
        try (Scenario s = new Scenario(new BaselinkerFactory(), UNLIMITED)) {
            order(s, "warm-up");
            long lookupsBefore = s.emulator.counters().get("getInventoryProductsList");
            long[] calls = new long[leads];
            for (int i = 0; i < leads; i++) {
                long before = s.emulator.counters().total();
                order(s, "lead-" + i);
                calls[i] = s.emulator.counters().total() - before;
            }
            long lookups = s.emulator.counters().get("getInventoryProductsList") - lookupsBefore;
            return List.of(result("Baselinker", "new or repeat (addOrder, 2 products)", calls, lookups));
        }
    }

    private static void order(Scenario s, String key) {
        ObjectNode fields = JSON.objectNode().put("order_status_id", 8011).put("currency", "UAH").put("phone", "+380671234567")
                .put("user_comments", key);
        fields.putArray("products").add(JSON.objectNode().put("sku", "MUG-1").put("name", "Mug").put("quantity", 1))
                .add(JSON.objectNode().put("sku", "TSH-42").put("name", "T-shirt").put("quantity", 2));
        Scenario.await(s.connector.apply(new CreateDeal(null, fields, null, false), ctx(key, 0, Map.of())));
    }

    static EffectContext ctx(String lead, int index, Map<Integer, String> created) {
        return new EffectContext(lead + "/" + index, lead, created, "deal_cf_1050");
    }

    static Result result(String crm, String lead, long[] calls, long referenceCalls) {
        long sum = 0;
        long max = 0;
        for (long c : calls) {
            sum += c;
            max = Math.max(max, c);
        }
        return new Result(crm, lead, calls.length, (double) sum / calls.length, max, referenceCalls);
    }
}

package io.leadflow.bench.connectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.keycrm.KeycrmFactory;
import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * CRM calls per lead for the order CRMs, counted by the emulator. KeyCRM (seed 001, orders mode):
 * find the buyer by phone and email with its orders; new → buyer + order (+ the status follow-up
 * PUT when the flow maps {@code status_id}); repeat → a new order for the found buyer. RetailCRM
 * (seed 002, L4): new → customer + marked order; repeat with an open newest order → edit it.
 */
final class OrderCrmCallsPerLead {
    private static final RateLimit UNLIMITED = new RateLimit(100_000, Duration.ofSeconds(1), true, "bench");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String KEYCRM_MARKER = "deal_cf_1040";

    private OrderCrmCallsPerLead() { }

    static List<CallsPerLead.Result> keycrm(int leads) {
        try (Scenario s = new Scenario(new KeycrmFactory(), UNLIMITED)) {
            keycrmLead(s, 0, true);
            keycrmLead(s, 0, true);
            long refBefore = keycrmReference(s);
            long[] fresh = new long[leads];
            long[] withStatus = new long[leads];
            long[] repeat = new long[leads];
            for (int i = 1; i <= leads; i++) {
                int n = i;
                fresh[n - 1] = counted(s, () -> keycrmLead(s, 2 * n, false));
                withStatus[n - 1] = counted(s, () -> keycrmLead(s, 2 * n + 1, true));
                repeat[n - 1] = counted(s, () -> keycrmLead(s, 2 * n, false));
            }
            long ref = keycrmReference(s) - refBefore;
            return List.of(CallsPerLead.result("KeyCRM", "new (buyer + order)", fresh, ref),
                    CallsPerLead.result("KeyCRM", "new, flow maps status_id (+ status PUT)", withStatus, ref),
                    CallsPerLead.result("KeyCRM", "repeat (new order for the buyer)", repeat, ref));
        }
    }

    private static void keycrmLead(Scenario s, int n, boolean status) {
        String phone = phone(n);
        String email = "buyer" + n + "@example.com";
        String key = "lead-" + n + "-" + System.nanoTime();
        Found found = Scenario.await(s.connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, phone),
                new LookupKey(LookupKey.Kind.EMAIL, email)), true, KEYCRM_MARKER)));
        ObjectNode order = JSON.objectNode().put("buyer_name", "Buyer " + n).put("buyer_phone", phone)
                .put("manager_comment", "Order " + key).put("deal_cf_1040", "lead");
        if (status) order.put("status_id", 2);
        if (found.contact().isPresent()) {
            Scenario.await(s.connector.apply(new CreateDeal(new RecordRef.Existing(found.contact().get().id()), order, null, false),
                    ctx(key, 0, Map.of(), KEYCRM_MARKER)));
            return;
        }
        ObjectNode buyer = JSON.objectNode().put("full_name", "Buyer " + n).put("phone", phone).put("email", email);
        String id = Scenario.await(s.connector.apply(new CreateContact(buyer, null), ctx(key, 0, Map.of(), KEYCRM_MARKER))).crmId();
        Scenario.await(s.connector.apply(new CreateDeal(new RecordRef.Created(0), order, null, false), ctx(key, 1, Map.of(0, id), KEYCRM_MARKER)));
    }

    private static long keycrmReference(Scenario s) {
        return s.emulator.counters().get("GET /v1/custom-fields") + s.emulator.counters().get("GET /v1/order/status");
    }

    static List<CallsPerLead.Result> retailcrm(int leads) {
        try (Scenario s = new Scenario(new RetailcrmFactory(), UNLIMITED)) {
            retailcrmLead(s, 0);
            retailcrmLead(s, 0);
            long refBefore = retailcrmReference(s);
            long[] fresh = new long[leads];
            long[] repeat = new long[leads];
            for (int i = 1; i <= leads; i++) {
                int n = i;
                fresh[n - 1] = counted(s, () -> retailcrmLead(s, n));
                repeat[n - 1] = counted(s, () -> retailcrmLead(s, n));
            }
            long ref = retailcrmReference(s) - refBefore;
            return List.of(CallsPerLead.result("RetailCRM", "new (customer + marked order)", fresh, ref),
                    CallsPerLead.result("RetailCRM", "repeat, open order (edit it)", repeat, ref));
        }
    }

    /** Seed 002's L4: an open, unmarked newest order is edited; otherwise a new marked order (and the customer if none). */
    private static void retailcrmLead(Scenario s, int n) {
        String marker = "deal_cf_ct_site_id";
        String phone = phone(n);
        String key = "lead-" + n + "-" + System.nanoTime();
        Found found = Scenario.await(s.connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, phone),
                new LookupKey(LookupKey.Kind.EMAIL, "buyer" + n + "@example.com")), true, marker)));
        ObjectNode order = JSON.objectNode().put("deal_cf_ct_call_id", "C-" + key);
        FoundDeal newest = found.newestDeal().filter(FoundDeal::open).orElse(null);
        if (newest != null) {
            Scenario.await(s.connector.apply(new UpdateDeal(newest.id(), order, false), ctx(key, 0, Map.of(), marker)));
            return;
        }
        String customer = found.contact().map(c -> c.id()).orElse(null);
        if (customer == null) {
            customer = Scenario.await(s.connector.apply(new CreateContact(JSON.objectNode().put("firstName", "Call from " + phone)
                    .put("phone", phone).put("email", "buyer" + n + "@example.com"), null), ctx(key, 0, Map.of(), marker))).crmId();
        }
        Scenario.await(s.connector.apply(new CreateDeal(new RecordRef.Created(0), order, null, true),
                ctx(key, 1, Map.of(0, customer), marker)));
    }

    private static EffectContext ctx(String lead, int index, Map<Integer, String> created, String marker) {
        return new EffectContext(lead + "/" + index, lead, created, marker);
    }

    private static long retailcrmReference(Scenario s) {
        return s.emulator.counters().get("GET /api/v5/custom-fields") + s.emulator.counters().get("GET /api/v5/reference/statuses")
                + s.emulator.counters().get("GET /api/v5/reference/status-groups");
    }

    private static long counted(Scenario s, Runnable lead) {
        long before = s.emulator.counters().total();
        lead.run();
        return s.emulator.counters().total() - before;
    }

    private static String phone(int n) {
        return String.format("+38067%07d", 1_000_000 + n);
    }
}

package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calls-per-lead figure (issue 4, measured) for seed 002's L4 path: HTTP calls the emulator
 * received for one lead in steady state (reference data cached).
 */
class RetailcrmCallsPerLeadTest extends RetailcrmTestBed {
    private static final String MARKER = "deal_cf_ct_site_id";
    private static final LookupRequest FIND = new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE),
            new LookupKey(LookupKey.Kind.EMAIL, "olena@example.com")), true, MARKER);

    private long newLead(CrmConnector c, String key, String phone) {
        long before = emulator.counters().total();
        Found found = Await.result(c.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, phone),
                new LookupKey(LookupKey.Kind.EMAIL, key + "@example.com")), true, MARKER)));
        assertTrue(found.contact().isEmpty());
        String customer = Await.result(c.apply(new CreateContact(fields().put("firstName", "Call from " + phone)
                .put("phone", phone), null), ctx(key + "/0", MARKER, Map.of()))).crmId();
        Await.result(c.apply(new CreateDeal(new RecordRef.Created(0), fields().put("deal_cf_ct_call_id", "C-" + key), null, true),
                ctx(key + "/1", MARKER, Map.of(0, customer))));
        return emulator.counters().total() - before;
    }

    @Test
    void newLead_costsFiveCalls_repeatLeadThree_noReferenceCalls() {
        CrmConnector c = connector();
        newLead(c, "warm", "+380501112233");
        Await.result(c.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, "+380501112233")), true, MARKER)));
        emulator.counters().reset();
        assertEquals(5, newLead(c, "a", PHONE), "find by phone (international, then national form), find by email, create customer, create order");
        long before = emulator.counters().total();
        FoundDeal newest = Await.result(c.find(FIND)).newestDeal().orElseThrow();
        assertTrue(newest.marked(), "the order made for the first lead carries the marker");
        Await.result(c.apply(new UpdateDeal(newest.id(), fields().put("deal_cf_ct_call_id", "C-b"), false), ctx("b/0", MARKER, Map.of())));
        assertEquals(3, emulator.counters().total() - before, "find customer, its orders, edit order");
        assertEquals(0, emulator.counters().get("GET /api/v5/custom-fields") + emulator.counters().get("GET /api/v5/reference/statuses"));
    }
}

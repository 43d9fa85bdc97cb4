package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calls-per-lead figure (issue 4, measured): HTTP calls the emulator received for one lead
 * in steady state (reference data cached), for the L3 path "new lead" and "repeat lead".
 */
class KeycrmCallsPerLeadTest extends KeycrmTestBed {
    private static final LookupRequest FIND = new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE),
            new LookupKey(LookupKey.Kind.EMAIL, "olena@example.com")), true, "deal_cf_1040");

    private long newLead(CrmConnector c, String key, boolean withStatus) {
        long before = calls();
        Found found = Await.result(c.find(FIND));
        assertTrue(found.contact().isEmpty());
        String buyer = Await.result(c.apply(new CreateContact(fields().put("full_name", "Olena").put("phone", PHONE)
                .put("email", "olena@example.com"), null), ctx(key + "/0"))).crmId();
        var deal = KeycrmRequestsTest.order("new").put("deal_cf_1040", "lead");
        if (withStatus) deal.put("status_id", 2);
        Await.result(c.apply(new CreateDeal(new RecordRef.Created(0), deal, null, false),
                new EffectContext(key + "/1", key, Map.of(0, buyer), null)));
        return calls() - before;
    }

    @Test
    void newLead_costsFourCalls_orFiveWithAStatus_repeatLeadThree() {
        CrmConnector c = connector();
        newLead(c, "warm-up", true);
        emulator.reset();
        assertEquals(4, newLead(c, "a", false), "find by phone, find by email, create buyer, create order");
        emulator.reset();
        assertEquals(5, newLead(c, "b", true), "…plus the status follow-up PUT");
        long before = calls();
        Found again = Await.result(c.find(FIND));
        Await.result(c.apply(new CreateDeal(new RecordRef.Existing(again.contact().orElseThrow().id()),
                KeycrmRequestsTest.order("repeat"), null, false), ctx("c/0")));
        assertEquals(3, calls() - before, "find buyer, its orders, create order");
        assertEquals(0, emulator.counters().get("GET /v1/custom-fields"), "no reference data in steady state");
    }
}

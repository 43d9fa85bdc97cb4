package io.leadflow.connector.retailcrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.contract.Await;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The RetailCRM account's own field list (GET /custom-fields per entity, statuses) and the start-up check against it. */
class RetailcrmAccountSchemaTest extends RetailcrmTestBed {

    @Test
    void accountSchema_hasOrderAndCustomerCodes_andStatusCodes() {
        AccountSchema schema = Await.result(connector().accountSchema());
        assertEquals(List.of(), AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of("deal_cf_ct_site_id"),
                EntityKind.CONTACT, List.of("contact_cf_loyalty_card")), schema));
        assertTrue(schema.referenceIds().get("status").containsAll(List.of("new", "complete")), schema.referenceIds().toString());
    }

    @Test
    void anOrderCodeOnACustomer_isReportedAsTheWrongEntity() {
        AccountSchema schema = Await.result(connector().accountSchema());
        AccountFinding f = AccountSchemaCheck.check(List.of("contact_cf_ct_site_id"), schema).get(0);
        assertEquals(AccountFinding.Kind.WRONG_ENTITY, f.kind());
        assertEquals(Optional.of("deal_cf_ct_site_id"), f.suggestion());
    }

    @Test
    void aCodeTheLeadPathAlreadyLoaded_costsNoCallAtStartUp() {
        var c = connector();
        Await.result(c.accountSchema());
        long after = calls();
        Await.result(c.accountSchema());
        assertEquals(after, calls());
    }
}

package io.leadflow.connector.keycrm;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.contract.Await;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The KeyCRM account's own field list (GET /custom-fields, GET /order/status) and the start-up check against it. */
class KeycrmAccountSchemaTest extends KeycrmTestBed {

    @Test
    void accountSchema_mapsModelsToEntities_andAcceptsTheBareNumber() {
        AccountSchema schema = Await.result(connector().accountSchema());
        assertEquals(List.of(), AccountSchemaCheck.check(Map.of(
                EntityKind.DEAL, List.of("deal_cf_OR_1037", "deal_cf_1037", "deal_cf_LD_12"),
                EntityKind.CONTACT, List.of("contact_cf_CT_5", "contact_cf_5")), schema));
        assertTrue(schema.referenceIds().get("status_id").containsAll(List.of("1", "5", "6")), schema.referenceIds().toString());
    }

    @Test
    void aBuyerFieldOnAnOrder_isReportedAsTheWrongEntity() {
        AccountSchema schema = Await.result(connector().accountSchema());
        AccountFinding f = AccountSchemaCheck.check(List.of("deal_cf_CT_5"), schema).get(0);
        assertEquals(AccountFinding.Kind.WRONG_ENTITY, f.kind());
        assertEquals(Optional.of("contact_cf_CT_5"), f.suggestion());
        assertTrue(f.message().contains("keycrm account 'main'"), f.message());
    }

    @Test
    void accountSchema_isReadOnce_thenServedFromTheCache() {
        CrmConnector c = connector();
        Await.result(c.accountSchema());
        long after = calls();
        assertEquals(2, after, "one GET /custom-fields, one GET /order/status page");
        Await.result(c.accountSchema());
        assertEquals(after, calls());
    }

    @Test
    void aFieldAddedToTheAccount_isKnownToANewConnector() {
        emulator.data().addCustomField(1090, "OR_1090", "Delivery note", "order", "text");
        AccountSchema schema = Await.result(connector().accountSchema());
        assertEquals(List.of(), AccountSchemaCheck.check(List.of("deal_cf_OR_1090"), schema));
    }

    @Test
    void aStatusIdTheAccountLacks_isReported_aKnownOnePasses() {
        AccountSchema schema = Await.result(connector().accountSchema());
        List<AccountFinding> f = AccountSchemaCheck.checkValues(Map.of("status_id", List.of("2", "99")), schema);
        assertEquals(List.of("status_id = 99"), f.stream().map(AccountFinding::field).toList());
        assertEquals(AccountFinding.Kind.UNKNOWN_VALUE, f.get(0).kind());
    }
}

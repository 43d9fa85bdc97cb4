package io.leadflow.spi.account;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.spi.EntityKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountSchemaCheckTest {
    private static final AccountSchema KEYCRM = new AccountSchema("keycrm", "main", List.of(
            new AccountField(EntityKind.DEAL, "OR_1037", "Gift wrap", "text", Set.of("1037")),
            new AccountField(EntityKind.DEAL, "OR_1040", "Leadflow marker", "text", Set.of("1040")),
            new AccountField(EntityKind.CONTACT, "CT_5", "Loyalty card", "text", Set.of("5"))), Map.of());
    private static final AccountSchema RETAILCRM = new AccountSchema("retailcrm", "ua", List.of(
            new AccountField(EntityKind.DEAL, "ct_site_id", "Calltouch site", "string"),
            new AccountField(EntityKind.DEAL, "ct_call_id", "Calltouch call", "string")), Map.of());

    @Test
    void knownIdsAndAliases_giveNoFindings() {
        assertEquals(List.of(), AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of("deal_cf_OR_1037", "deal_cf_1040"),
                EntityKind.CONTACT, List.of("contact_cf_CT_5")), KEYCRM));
    }

    @Test
    void swappedDigits_areUnknownWithTheCloseFieldSuggested() {
        List<AccountFinding> f = AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of("deal_cf_OR_1073")), KEYCRM);
        assertEquals(1, f.size());
        assertEquals(AccountFinding.Kind.UNKNOWN_FIELD, f.get(0).kind());
        assertEquals(Optional.of("deal_cf_OR_1037"), f.get(0).suggestion());
        assertTrue(f.get(0).message().contains("keycrm account 'main' has no deal custom field 'OR_1073'"), f.get(0).message());
        assertTrue(f.get(0).message().contains("did you mean deal_cf_OR_1037 (\"Gift wrap\")?"), f.get(0).message());
    }

    @Test
    void aCodeMissingItsSuffix_suggestsTheLongerCode() {
        AccountFinding f = AccountSchemaCheck.check(List.of("deal_cf_ct_site"), RETAILCRM).get(0);
        assertEquals(Optional.of("deal_cf_ct_site_id"), f.suggestion());
    }

    @Test
    void nothingClose_listsTheEntitysFields() {
        AccountFinding f = AccountSchemaCheck.check(List.of("deal_cf_utm_whatever"), RETAILCRM).get(0);
        assertEquals(AccountFinding.Kind.UNKNOWN_FIELD, f.kind());
        assertEquals(Optional.empty(), f.suggestion());
        assertTrue(f.message().endsWith("its deal custom fields are deal_cf_ct_site_id (\"Calltouch site\"), deal_cf_ct_call_id (\"Calltouch call\")"),
                f.message());
    }

    @Test
    void anEntityWithoutFields_saysSo() {
        AccountFinding f = AccountSchemaCheck.check(List.of("contact_cf_vip"), RETAILCRM).get(0);
        assertTrue(f.message().endsWith("it defines no contact custom fields"), f.message());
    }

    @Test
    void aContactFieldWrittenOnADeal_isWrongEntity() {
        AccountFinding f = AccountSchemaCheck.check(List.of("deal_cf_CT_5"), KEYCRM).get(0);
        assertEquals(AccountFinding.Kind.WRONG_ENTITY, f.kind());
        assertEquals(EntityKind.DEAL, f.entity());
        assertEquals(Optional.of("contact_cf_CT_5"), f.suggestion());
    }

    @Test
    void aPrefixThatDisagreesWithTheBlock_isWrongEntity() {
        AccountFinding f = AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of("contact_cf_OR_1037")), KEYCRM).get(0);
        assertEquals(AccountFinding.Kind.WRONG_ENTITY, f.kind());
        assertEquals(Optional.of("deal_cf_OR_1037"), f.suggestion());
    }

    @Test
    void namesWithoutACustomFieldPrefix_areSkipped() {
        assertEquals(List.of(), AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of("status_id", "deal_cf_")), KEYCRM));
    }

    @Test
    void findings_comeInEntityThenGivenOrder() {
        List<AccountFinding> f = AccountSchemaCheck.check(List.of("deal_cf_OR_9", "contact_cf_CT_9", "deal_cf_OR_8"), KEYCRM);
        assertEquals(List.of("contact_cf_CT_9", "deal_cf_OR_9", "deal_cf_OR_8"), f.stream().map(AccountFinding::field).toList());
    }

    @Test
    void distance_countsASwapAsOneEdit() {
        assertEquals(1, Suggestions.distance("1037", "1073"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void unknownStatusValue_isReportedWithTheKnownOnes_knownPasses_unreadFieldSkipped() {
        AccountSchema schema = new AccountSchema("keycrm", "main", List.of(), Map.of("status_id", Set.of("1", "2", "5")));
        List<AccountFinding> f = AccountSchemaCheck.checkValues(Map.of("status_id", List.of("2", "9"), "source_id", List.of("77")), schema);
        assertEquals(1, f.size());
        assertEquals(AccountFinding.Kind.UNKNOWN_VALUE, f.get(0).kind());
        assertEquals("status_id = 9", f.get(0).field());
        assertEquals("status_id = 9: the keycrm account 'main' has no such status_id; it has 1, 2, 5", f.get(0).message());
    }
}

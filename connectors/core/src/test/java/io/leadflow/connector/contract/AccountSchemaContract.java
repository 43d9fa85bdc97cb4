package io.leadflow.connector.contract;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.leadflow.connector.CrmConnector;
import io.leadflow.spi.Capability;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The account-schema scenarios of the contract kit: the connector reads the custom fields its
 * emulator's account defines, and {@link AccountSchemaCheck} passes the kit's known deal field
 * and reports a mistyped and an unknown one. Mixed into {@link ConnectorContract}.
 */
interface AccountSchemaContract {

    /** The connector under test (account {@code main} of the emulator). */
    CrmConnector connectorUnderTest();

    /** A custom-field id the emulated account defines for deals (the fixture's {@code dealCustomFieldId()}). */
    String knownDealCustomFieldId();

    @Test
    default void accountSchema_listsTheAccountsDealCustomField() {
        assumeTrue(connectorUnderTest().descriptor().can(Capability.CREATE_DEAL)
                && ConnectorContract.dealsHaveCustomFields(connectorUnderTest().descriptor()), "no deals or no deal custom fields");
        AccountSchema schema = Await.result(connectorUnderTest().accountSchema());
        assertEquals(connectorUnderTest().descriptor().name(), schema.connector());
        assertTrue(schema.customFields().stream().anyMatch(f -> f.entity() == EntityKind.DEAL && f.answersTo(knownDealCustomFieldId())),
                schema.customFields().toString());
    }

    @Test
    default void accountSchemaCheck_passesAKnownField_andReportsUnknownOnes() {
        assumeTrue(connectorUnderTest().descriptor().can(Capability.CREATE_DEAL)
                && ConnectorContract.dealsHaveCustomFields(connectorUnderTest().descriptor()), "no deals or no deal custom fields");
        AccountSchema schema = Await.result(connectorUnderTest().accountSchema());
        String id = knownDealCustomFieldId();
        String known = "deal_cf_" + id;
        String typo = known + id.charAt(id.length() - 1);
        assertEquals(List.of(), AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of(known)), schema));
        List<AccountFinding> findings = AccountSchemaCheck.check(Map.of(EntityKind.DEAL, List.of(typo, "deal_cf_zz99999")), schema);
        assertEquals(List.of(typo, "deal_cf_zz99999"), findings.stream().map(AccountFinding::field).toList());
        assertTrue(findings.stream().allMatch(f -> f.kind() == AccountFinding.Kind.UNKNOWN_FIELD), findings.toString());
        assertEquals(Optional.of(known), findings.get(0).suggestion(), findings.get(0).message());
        assertEquals(Optional.empty(), findings.get(1).suggestion(), findings.get(1).message());
    }
}

package io.leadflow.runtime.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Preflight}: what a KeyCRM account would refuse, found before the lead's first effect. */
class PreflightTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AccountSchema ACCOUNT = new AccountSchema("keycrm", "main", List.of(
            new AccountField(EntityKind.DEAL, "OR_1037", "Gift wrap", "text", Set.of("1037")).asRequired(),
            new AccountField(EntityKind.DEAL, "OR_1040", "Leadflow marker", "text", Set.of("1040"))), Map.of());

    private static ObjectNode fields(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static Optional<String> check(Optional<AccountSchema> account, Effect... effects) {
        return Preflight.check(KeycrmSchema.DESCRIPTOR, account, List.of(effects));
    }

    @Test
    void aConnectorRequiredFieldThatEvaluatedToNothing_refusesTheWholeLead() throws Exception {
        Optional<String> r = check(Optional.empty(), new CreateContact(fields("{\"phone\": \"+380671234567\"}"), null),
                new CreateDeal(new RecordRef.Created(0), fields("{\"deal_cf_1037\": \"yes\"}"), null, false));
        assertTrue(r.isPresent());
        assertTrue(r.get().startsWith("refused before any effect (KeyCRM would not take it)"), r.get());
        assertTrue(r.get().contains("create contact: field 'full_name' is required to create a buyer"), r.get());
        Optional<String> blank = check(Optional.empty(), new CreateContact(fields("{\"full_name\": \"  \"}"), null));
        assertTrue(blank.orElseThrow().contains("'full_name' is required to create a buyer and is blank"), blank.get());
    }

    @Test
    void aCustomFieldTheAccountDeclaresRequired_mustBeSetOnACreate_underItsUuidOrAlias() throws Exception {
        CreateContact contact = new CreateContact(fields("{\"full_name\": \"Olena\"}"), null);
        Optional<String> r = check(Optional.of(ACCOUNT), contact,
                new CreateDeal(new RecordRef.Created(0), fields("{\"deal_cf_1040\": \"lf\"}"), null, false));
        assertTrue(r.orElseThrow().contains("create deal: custom field deal_cf_OR_1037 (\"Gift wrap\") is required by the account and not set"), r.get());
        assertTrue(r.get().contains("the keycrm account 'main'"), r.get());
        assertEquals(Optional.empty(), check(Optional.of(ACCOUNT), contact,
                new CreateDeal(new RecordRef.Created(0), fields("{\"deal_cf_1037\": \"yes\"}"), null, false)));
        assertEquals(Optional.empty(), check(Optional.of(ACCOUNT), contact,
                new CreateDeal(new RecordRef.Created(0), fields("{\"deal_cf_OR_1037\": \"yes\"}"), null, false)));
        // an update need not repeat a required field
        assertEquals(Optional.empty(), check(Optional.of(ACCOUNT), new UpdateDeal("9", fields("{\"manager_comment\": \"x\"}"), false)));
    }

    @Test
    void aValueTheConnectorSchemaRefuses_andAnUnknownCustomField_areAllReportedAtOnce() throws Exception {
        Optional<String> r = check(Optional.of(ACCOUNT), new CreateContact(fields("{\"full_name\": \"Olena\"}"), null),
                new CreateDeal(new RecordRef.Created(0), fields("{\"deal_cf_1037\": \"y\", \"status_id\": \"new\", \"deal_cf_9999\": 1}"), null, false));
        assertTrue(r.orElseThrow().contains("create deal: field 'status_id' takes a number, not \"new\""), r.get());
        assertTrue(r.get().contains("no deal custom field '9999'"), r.get());
    }
}

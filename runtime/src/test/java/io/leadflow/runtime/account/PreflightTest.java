package io.leadflow.runtime.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.fields.FieldValues;
import io.leadflow.connector.keepincrm.KeepinCrmSchema;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
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

    /**
     * Issue 9: a value a LATER effect's field cannot take was let through, and the connector's
     * encoder ({@code FieldValues.coerce}) refused it while building that effect, after the first
     * was made. Now the preflight and the encoder apply one test ({@code FieldRefusals.unreadable}).
     */
    @Test
    void aValueALaterEffectsEncoderCouldNotRead_refusesTheLeadBeforeTheFirst_andTheEncoderReadsWhatPassed() throws Exception {
        CreateContact contact = new CreateContact(fields("{\"name\": \"Olena\"}"), null);
        Optional<String> r = Preflight.check(KeepinCrmSchema.DESCRIPTOR, Optional.empty(), List.of(contact,
                new CreateDeal(new RecordRef.Created(0), fields("{\"title\": \"Order 1\", \"products_total_as_total\": \"maybe\","
                        + " \"total\": \"900,50\", \"stage_id\": \"99999999999999999999\"}"), null, false)));
        assertTrue(r.orElseThrow().contains("create deal: field 'products_total_as_total' takes a boolean"), r.get());
        assertTrue(r.get().contains("field 'stage_id' takes a number, not \"99999999999999999999\""), r.get());
        assertFalse(r.get().contains("'total'"), r.get());
        assertEquals(900.5, FieldValues.coerce(KeepinCrmSchema.AGREEMENT, "total", TextNode.valueOf("900,50")));
        assertEquals(true, FieldValues.coerce(KeepinCrmSchema.AGREEMENT, "products_total_as_total", TextNode.valueOf(" Yes ")));
        PermanentException e = assertThrows(PermanentException.class,
                () -> FieldValues.coerce(KeepinCrmSchema.AGREEMENT, "products_total_as_total", TextNode.valueOf("maybe")));
        assertTrue(e.getMessage().contains("takes a boolean"), e.getMessage());
    }

    /** What the connector knows from its account's settings ({@code CrmConnector.refusals}) is judged for every effect, not only the first. */
    @Test
    void whatTheConnectorRefusesFromItsSettings_inALaterEffect_refusesTheWholeLead() throws Exception {
        CrmConnector connector = new Stub() {
            @Override
            public List<String> refusals(Effect effect) {
                return effect instanceof CreateDeal ? List.of(effect.describe() + ": no source") : List.of();
            }
        };
        Optional<String> r = Preflight.check(connector, Optional.empty(), List.of(new CreateContact(fields("{\"full_name\": \"Olena\"}"), null),
                new CreateDeal(new RecordRef.Created(0), fields("{\"manager_comment\": \"x\"}"), null, false)));
        assertEquals("refused before any effect (KeyCRM would not take it): create deal: no source", r.orElseThrow());
        assertEquals(Optional.empty(), Preflight.check(connector, Optional.empty(), List.of(new CreateContact(fields("{\"full_name\": \"Olena\"}"), null))));
    }

    /** A KeyCRM connector that is never called: only its descriptor and its refusals are read. */
    private abstract static class Stub implements CrmConnector {
        @Override
        public ConnectorDescriptor descriptor() {
            return KeycrmSchema.DESCRIPTOR;
        }

        @Override
        public String account() {
            return "main";
        }

        @Override
        public Future<Found> find(LookupRequest request) {
            throw new AssertionError("not called");
        }

        @Override
        public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
            throw new AssertionError("not called");
        }

        @Override
        public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
            throw new AssertionError("not called");
        }

        @Override
        public Future<Void> close() {
            return Future.succeededFuture();
        }
    }
}

package io.leadflow.connector.keepincrm;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorAdmin;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.emulator.EmulatorMode;
import io.leadflow.connector.keepincrm.emulator.KeepinCrmEmulator;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KeepinCRM's unconfirmed guesses played wrong (pessimistic emulator: every {@code q[…]} filter
 * ignored, newest first; a top-level {@code client_id} dropped): the adapter checks what comes
 * back, and refuses clearly where it cannot check.
 */
class KeepinCrmUnconfirmedTest extends EmulatorTestBase<KeepinCrmEmulator> {
    private static final String PHONE = "+380671234567";
    private KeepinCrmConnector connector;
    private EmulatorAdmin admin;

    @Override
    protected Future<KeepinCrmEmulator> startEmulator(Vertx vertx) {
        return new KeepinCrmFactory().startEmulator(vertx, 0);
    }

    @BeforeEach
    void pessimistic() {
        emulator.mode(EmulatorMode.PESSIMISTIC);
        connector = new KeepinCrmConnector(vertx, emulator.account("main"));
        admin = new EmulatorAdmin(vertx, emulator);
    }

    @AfterEach
    void back() {
        emulator.mode(EmulatorMode.OPTIMISTIC);
        emulator.dropTopLevelClientId(false);
        Await.result(connector.close());
    }

    private static JsonObject contact(String ref, String phone, String createdAt) {
        return new JsonObject().put("ref", ref).put("name", ref).put("phone", phone).put("createdAt", createdAt);
    }

    private static JsonObject deal(String ref, String contact, String createdAt) {
        return new JsonObject().put("ref", ref).put("contact", contact).put("title", ref).put("group", "open").put("createdAt", createdAt);
    }

    @Test
    void dealsOfTheFoundClient_onlyItsOwn_whenTheClientFilterIsIgnored() {
        JsonObject ids = admin.seed(new JsonObject()
                .put("contacts", new JsonArray().add(contact("mine", PHONE, "2026-01-01T00:00:00Z"))
                        .add(contact("other", "+380501112233", "2026-01-02T00:00:00Z")))
                .put("deals", new JsonArray().add(deal("my-deal", "mine", "2026-01-03T00:00:00Z"))
                        .add(deal("their-deal", "other", "2026-02-01T00:00:00Z"))
                        .add(deal("their-newer-deal", "other", "2026-03-01T00:00:00Z"))));
        Found found = Await.result(connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), true, null)));
        assertEquals(ids.getJsonObject("contacts").getString("mine"), found.contact().orElseThrow().id());
        assertEquals(List.of(ids.getJsonObject("deals").getString("my-deal")), found.deals().stream().map(FoundDeal::id).toList(),
                "another client's deal must never be the lead's");
    }

    @Test
    void emailLookup_checksEveryAnsweredClient_ignoringCase() {
        admin.seed(new JsonObject().put("contacts", new JsonArray()
                .add(contact("a", "+380501112233", "2026-01-01T00:00:00Z").put("email", "someone@example.com"))
                .add(contact("b", "+380501112244", "2026-01-02T00:00:00Z").put("email", "Olena.K@Example.com"))));
        Found found = Await.result(connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.EMAIL, "olena.k@example.com")), false, null)));
        assertEquals("b", found.contact().orElseThrow().fields().path("name").asText());
    }

    @Test
    void aSearchAnsweringMoreThanIsRead_isRefused_notReadAsNotFound() {
        JsonArray many = new JsonArray();
        for (int i = 0; i < 205; i++) many.add(contact("c" + i, String.format("+38050%07d", i), "2026-01-01T00:00:00Z"));
        admin.seed(new JsonObject().put("contacts", many));
        PermanentException e = Await.failure(connector.find(new LookupRequest(List.of(new LookupKey(LookupKey.Kind.PHONE, PHONE)), false, null)),
                PermanentException.class);
        assertTrue(e.crmMessage().contains("may have been ignored"), e.crmMessage());
    }

    @Test
    void reconcile_findsTheTokenOnAnyReadPage_andRefusesWhenPagesAreLeftUnread() {
        CreateDeal deal = new CreateDeal(null, JsonNodeFactory.instance.objectNode().put("title", "Mine"), null, false);
        EffectContext mine = new EffectContext("lead-9/0", "lead-9", Map.of(), null);
        String id = Await.result(connector.apply(deal, mine)).crmId();
        seedDeals(30);
        assertEquals(Optional.of(id), Await.result(connector.reconcile(deal, mine)).map(EffectResult::crmId),
                "the filter is ignored and the record is on the second page, newest first");
        seedDeals(180);
        PermanentException e = Await.failure(connector.reconcile(deal, new EffectContext("never-made/0", "never", Map.of(), null)),
                PermanentException.class);
        assertTrue(e.crmMessage().contains("token search"), "'not made' would resend and might duplicate: " + e.crmMessage());
    }

    private void seedDeals(int n) {
        JsonArray deals = new JsonArray();
        for (int i = 0; i < n; i++) deals.add(deal("d" + i, "c", "2026-01-01T00:00:00Z"));
        admin.seed(new JsonObject().put("contacts", new JsonArray().add(contact("c", "+380501112233", "2026-01-01T00:00:00Z")))
                .put("deals", deals));
    }

    @Test
    void agreementLeftUnlinked_byADroppedClientId_isRefusedNamingTheAgreement() {
        emulator.dropTopLevelClientId(true);
        String client = Await.result(connector.apply(new CreateContact(JsonNodeFactory.instance.objectNode().put("name", "Olena")
                .put("phone", PHONE), null), new EffectContext("c/0", "lead", Map.of(), null))).crmId();
        PermanentException e = Await.failure(connector.apply(new CreateDeal(new RecordRef.Created(0),
                JsonNodeFactory.instance.objectNode().put("title", "Order 1207"), null, false),
                new EffectContext("c/1", "lead", Map.of(0, client), null)), PermanentException.class);
        assertEquals("client_id", e.field());
        assertTrue(e.crmMessage().contains("did not link it to client " + client), e.crmMessage());
    }
}

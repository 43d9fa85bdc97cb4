package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.RecordRef;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.StatusGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine through the public API: evaluate, a hand-made Found, decide. */
class DecideTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock MONDAY = Clock.fixed(Instant.parse("2025-01-06T08:00:00Z"), ZoneOffset.UTC);
    static final Clock SUNDAY = Clock.fixed(Instant.parse("2025-01-05T08:00:00Z"), ZoneOffset.UTC);

    static final String LEADBOX = """
            flow "lb" {
              from site.orders
              to keepincrm
              phone lead.phone as UA
              drop when not phone.valid "no usable phone"
              find contact by phone, email
              when contact and deal.open -> task for deal.manager
              when contact -> create deal for contact.manager
              otherwise -> create contact, create deal for sales
              contact { name <- lead.name  phone <- phone  email <- lead.email }
              deal { title <- "Order {lead.id}" }
              task { title <- "Repeat {lead.id}" }
            }
            managers sales = rotate [101, 102, 103] except when manager == 103 and format_date(now, 'EEE') == "Sun"
            """;

    static Flow flow(String text) {
        CompileResult r = DecideCatalog.compiler().compileSources(Map.of("f.flow", text));
        assertTrue(r.ok(), r.render());
        return r.program().orElseThrow().flows().get(0);
    }

    static ObjectNode lead(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    static FoundContact contact(String id, String manager) {
        return new FoundContact(id, null, manager, JSON.createObjectNode());
    }

    static FoundDeal deal(String id, StatusGroup g, boolean marked, JsonNode fields) {
        return new FoundDeal(id, "7", null, "102", "s", g, marked, (ObjectNode) fields);
    }

    @Test
    void lookup_triesPhoneThenEmail_normalised() throws Exception {
        Evaluation ev = flow(LEADBOX).evaluate(lead("{\"id\":1,\"phone\":\"067 123 45 67\",\"email\":\" A@B.com \"}"), MONDAY);
        var keys = ev.lookup().orElseThrow().keys();
        assertEquals(List.of(new LookupKey(LookupKey.Kind.PHONE, "+380671234567"), new LookupKey(LookupKey.Kind.EMAIL, "a@b.com")), keys);
        assertTrue(ev.lookup().orElseThrow().withDeals());
    }

    /** One phone/email fallback: the contact block's email, else lead.email, for the lookup and the contact key alike. */
    @Test
    void contactBlocksEmail_isWhatTheLookupAndTheContactKeyRead() throws Exception {
        Flow f = flow(LEADBOX.replace("email <- lead.email", "email <- lead.contact_mail"));
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\",\"email\":\"lead@x.com\",\"contact_mail\":\"Block@X.com\"}"), MONDAY);
        assertEquals(List.of(new LookupKey(LookupKey.Kind.PHONE, "+380671234567"), new LookupKey(LookupKey.Kind.EMAIL, "block@x.com")),
                ev.lookup().orElseThrow().keys());
        assertEquals("phone:+380671234567", ev.contactKey());
        Evaluation noPhone = f.evaluate(lead("{\"id\":2,\"phone\":\"12\",\"email\":\"lead@x.com\",\"contact_mail\":\" Block@X.com \"}"), MONDAY);
        assertEquals("email:block@x.com", noPhone.contactKey());
        Evaluation leadMail = f.evaluate(lead("{\"id\":3,\"phone\":\"0671234567\",\"email\":\"Lead@X.com\"}"), MONDAY);
        assertEquals(new LookupKey(LookupKey.Kind.EMAIL, "lead@x.com"), leadMail.lookup().orElseThrow().keys().get(1));
    }

    @Test
    void contactWithOpenDeal_getsATaskForTheDealsManager() throws Exception {
        Flow f = flow(LEADBOX);
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\"}"), MONDAY);
        Found found = new Found(Optional.of(contact("7", "101")), List.of(deal("9", StatusGroup.OPEN, false, JSON.createObjectNode())));
        Decision d = f.decide(ev, found, ManagerState.EMPTY, MONDAY);
        CreateTask t = assertInstanceOf(CreateTask.class, d.effects().get(0));
        assertEquals(new RecordRef.Existing("9"), t.deal());
        assertEquals(new RecordRef.Existing("7"), t.contact());
        assertEquals("102", t.manager());
        assertEquals(1, d.effects().size());
        assertEquals(ManagerState.EMPTY, d.managers());
    }

    @Test
    void newestDealDecides_anOlderOpenOneDoesNot() throws Exception {
        Flow f = flow(LEADBOX);
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\"}"), MONDAY);
        FoundDeal old = new FoundDeal("8", "7", Instant.parse("2024-01-01T00:00:00Z"), "102", "s", StatusGroup.OPEN, false, JSON.createObjectNode());
        FoundDeal newer = new FoundDeal("9", "7", Instant.parse("2024-06-01T00:00:00Z"), "102", "s", StatusGroup.COMPLETED, false, JSON.createObjectNode());
        Decision d = f.decide(ev, new Found(Optional.of(contact("7", "101")), List.of(old, newer)), ManagerState.EMPTY, MONDAY);
        CreateDeal c = assertInstanceOf(CreateDeal.class, d.effects().get(0));
        assertEquals("101", c.manager());
        assertEquals(new RecordRef.Existing("7"), c.contact());
    }

    @Test
    void newBuyer_contactAndDealGoToTheRotationAndTheStateComesBack() throws Exception {
        Flow f = flow(LEADBOX);
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\",\"name\":\"Olena\"}"), MONDAY);
        ManagerState before = new ManagerState(Map.of("sales", Map.of("101", 3L, "102", 2L, "103", 3L)));
        Decision d = f.decide(ev, Found.NOTHING, before, MONDAY);
        CreateContact c = assertInstanceOf(CreateContact.class, d.effects().get(0));
        CreateDeal deal = assertInstanceOf(CreateDeal.class, d.effects().get(1));
        assertEquals("102", c.manager());
        assertEquals("102", deal.manager());
        assertEquals(new RecordRef.Created(0), deal.contact());
        assertEquals(3L, d.managers().assigned().get("sales").get("102"));
        assertFalse(deal.mark(), "no marker in this flow");
    }

    @Test
    void exceptWhen_excludesAManagerOnItsDayOff() throws Exception {
        Flow f = flow(LEADBOX);
        ManagerState turnOf103 = new ManagerState(Map.of("sales", Map.of("101", 5L, "102", 5L, "103", 4L)));
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\"}"), SUNDAY);
        Decision sunday = f.decide(ev, Found.NOTHING, turnOf103, SUNDAY);
        assertEquals("101", ((CreateContact) sunday.effects().get(0)).manager());
        Evaluation ev2 = f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\"}"), MONDAY);
        assertEquals("103", ((CreateContact) f.decide(ev2, Found.NOTHING, turnOf103, MONDAY).effects().get(0)).manager());
    }

    @Test
    void droppedLead_decidesNothingAndKeepsTheReason() throws Exception {
        Flow f = flow(LEADBOX);
        Evaluation ev = f.evaluate(lead("{\"id\":1,\"phone\":\"80671234567123\"}"), MONDAY);
        assertEquals(Optional.of("no usable phone"), ev.dropReason());
        Decision d = f.decide(ev, Found.NOTHING, ManagerState.EMPTY, MONDAY);
        assertTrue(d.effects().isEmpty());
        assertEquals(Optional.of("no usable phone"), d.dropReason());
    }

    static final String RETAIL = """
            flow "ct" {
              from site.calls
              to retailcrm
              delay 1m
              phone lead.phone as UA
              drop when not phone.valid "bad"
              find contact by phone
              marker deal_cf_ct
              update empty
              when not contact -> create contact, create order
              when not deal or deal.closed -> create order
              when not deal.marked -> update order
              otherwise -> skip "already updated"
              order { deal_cf_ct <- lead.site  utm_source <- lead.src  managerComment <- "call" if empty }
            }
            """;

    @Test
    void openUnmarkedOrder_isUpdatedInItsEmptyFieldsAndMarked() throws Exception {
        Flow f = flow(RETAIL);
        assertEquals(Duration.ofMinutes(1), f.delay());
        assertEquals("deal_cf_ct", f.marker());
        Evaluation ev = f.evaluate(lead("{\"phone\":\"0671234567\",\"site\":5,\"src\":\"fb\"}"), MONDAY);
        assertEquals("deal_cf_ct", ev.lookup().orElseThrow().marker());
        ObjectNode existing = JSON.createObjectNode().put("utm_source", "google");
        Decision d = f.decide(ev, new Found(Optional.of(contact("7", null)), List.of(deal("9", StatusGroup.OPEN, false, existing))), ManagerState.EMPTY, MONDAY);
        UpdateDeal u = assertInstanceOf(UpdateDeal.class, d.effects().get(0));
        assertEquals("9", u.id());
        assertTrue(u.mark());
        assertEquals(JSON.readTree("{\"deal_cf_ct\":5,\"managerComment\":\"call\"}"), u.fields());
    }

    /** The block's own mode, else the flow's: the decision and the graph read the same rule. */
    @Test
    void blocksOwnUpdateMode_beatsTheFlows() throws Exception {
        String text = RETAIL.replace("order { deal_cf_ct <- lead.site", "order update all { deal_cf_ct <- lead.site");
        Flow f = flow(text);
        Evaluation ev = f.evaluate(lead("{\"phone\":\"0671234567\",\"site\":5,\"src\":\"fb\"}"), MONDAY);
        ObjectNode existing = JSON.createObjectNode().put("utm_source", "google").put("managerComment", "old");
        Decision d = f.decide(ev, new Found(Optional.of(contact("7", null)), List.of(deal("9", StatusGroup.OPEN, false, existing))), ManagerState.EMPTY, MONDAY);
        UpdateDeal u = assertInstanceOf(UpdateDeal.class, d.effects().get(0));
        // update all: utm_source is overwritten; managerComment is 'if empty' and already set, so it stays
        assertEquals(JSON.readTree("{\"deal_cf_ct\":5,\"utm_source\":\"fb\"}"), u.fields());
        CompileResult r = DecideCatalog.compiler().compileSources(Map.of("f.flow", text));
        String graph = io.leadflow.dsl.Leadflow.graph(r.program().orElseThrow(), "ct", "mermaid").orElseThrow();
        assertTrue(graph.contains("update all"), graph);
        String flowMode = io.leadflow.dsl.Leadflow.graph(DecideCatalog.compiler().compileSources(Map.of("f.flow", RETAIL)).program().orElseThrow(),
                "ct", "mermaid").orElseThrow();
        assertTrue(flowMode.contains("update empty"), flowMode);
    }

    @Test
    void markedOrClosedOrder_isNotUpdated() throws Exception {
        Flow f = flow(RETAIL);
        Evaluation ev = f.evaluate(lead("{\"phone\":\"0671234567\",\"site\":5}"), MONDAY);
        Decision marked = f.decide(ev, new Found(Optional.of(contact("7", null)), List.of(deal("9", StatusGroup.OPEN, true, JSON.createObjectNode()))),
                ManagerState.EMPTY, MONDAY);
        assertEquals(List.of("skip"), marked.effects().stream().map(e -> e.describe()).toList());
        Decision closed = f.decide(ev, new Found(Optional.of(contact("7", null)), List.of(deal("9", StatusGroup.CANCELLED, false, JSON.createObjectNode()))),
                ManagerState.EMPTY, MONDAY);
        CreateDeal c = assertInstanceOf(CreateDeal.class, closed.effects().get(0));
        assertTrue(c.mark());
        assertEquals(new RecordRef.Existing("7"), c.contact());
    }

    @Test
    void trace_explainsWhyEarlierRulesDidNotMatch() throws Exception {
        Flow f = flow(RETAIL);
        Evaluation ev = f.evaluate(lead("{\"phone\":\"0671234567\",\"site\":5}"), MONDAY);
        Decision d = f.decide(ev, new Found(Optional.of(contact("7", null)), List.of(deal("9", StatusGroup.OPEN, true, JSON.createObjectNode()))),
                ManagerState.EMPTY, MONDAY);
        List<String> rules = d.trace().steps().stream().filter(s -> s.kind().equals("rule")).map(s -> s.detail()).toList();
        assertEquals("when not contact → no: contact = {id 7}", rules.get(0));
        assertEquals("when not deal.marked → no: deal.marked = true", rules.get(2));
        assertEquals("otherwise → matched", rules.get(3));
        assertTrue(d.trace().steps().stream().anyMatch(s -> s.kind().equals("find") && s.detail().contains("newest deal 9 is open, marked")));
    }
}

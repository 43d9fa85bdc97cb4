package io.leadflow.dsl.decide;

import static io.leadflow.dsl.decide.DecideTest.JSON;
import static io.leadflow.dsl.decide.DecideTest.MONDAY;
import static io.leadflow.dsl.decide.DecideTest.flow;
import static io.leadflow.dsl.decide.DecideTest.lead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.StatusGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mapping blocks read the found {@code contact} and {@code deal}; filters and flows without find cannot. */
class FoundRecordsInMappingTest {

    static final String REPEAT = """
            flow "r" {
              from site.orders
              to keepincrm
              phone lead.phone as UA
              drop when not phone.valid "no usable phone"
              find contact by phone
              when contact and deal.open -> update contact, task for deal.manager
              otherwise -> create contact, create deal
              contact { name <- contact.name ?? lead.name }
              deal { title <- "Order {lead.id}" }
              task { title <- "Repeat order for deal {deal.id}" }
            }
            """;

    static Found found() {
        ObjectNode fields = JSON.createObjectNode().put("name", "Olena");
        return new Found(Optional.of(new FoundContact("7", null, "101", fields)),
                List.of(new FoundDeal("9", "7", null, "102", "s", StatusGroup.OPEN, false, JSON.createObjectNode())));
    }

    @Test
    void updateAndTaskBlocks_readTheFoundContactAndDeal() throws Exception {
        Flow f = flow(REPEAT);
        Decision d = f.decide(f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\",\"name\":\"O. K.\"}"), MONDAY), found(), ManagerState.EMPTY, MONDAY);
        UpdateContact u = assertInstanceOf(UpdateContact.class, d.effects().get(0));
        assertEquals("Olena", u.fields().get("name").asText());
        CreateTask t = assertInstanceOf(CreateTask.class, d.effects().get(1));
        assertEquals("Repeat order for deal 9", t.fields().get("title").asText());
    }

    @Test
    void nothingFound_readsContactAsNullSoTheDefaultApplies() throws Exception {
        Flow f = flow(REPEAT);
        Decision d = f.decide(f.evaluate(lead("{\"id\":1,\"phone\":\"0671234567\",\"name\":\"O. K.\"}"), MONDAY), Found.NOTHING, ManagerState.EMPTY, MONDAY);
        CreateContact c = assertInstanceOf(CreateContact.class, d.effects().get(0));
        assertEquals("O. K.", c.fields().get("name").asText());
    }

    @Test
    void mapWithoutCrm_readsFoundRecordsAsNull() throws Exception {
        ObjectNode out = flow(REPEAT).map(lead("{\"id\":1,\"phone\":\"0671234567\",\"name\":\"O. K.\"}"), MONDAY);
        assertEquals("O. K.", out.at("/contact/name").asText());
        assertEquals("Repeat order for deal ", out.at("/task/title").asText());
    }

    @Test
    void foundRecordInAFilter_isAClearError() {
        CompileResult r = compile(REPEAT.replace("drop when not phone.valid \"no usable phone\"", "drop when deal.open \"busy\""));
        assertEquals(List.of("LF201"), codes(r), r.render());
        assertTrue(r.render().contains("filters run before find, so 'deal' is not known yet"), r.render());
        assertEquals(5, r.diagnostics().stream().filter(d -> d.code() == io.leadflow.dsl.DiagnosticCode.LF201).findFirst().orElseThrow().span().line());
    }

    @Test
    void foundRecordInALet_isAClearError() {
        CompileResult r = compile(REPEAT.replace("  find contact", "  let who = contact.name\n  find contact"));
        assertEquals(List.of("LF201"), codes(r), r.render());
        assertTrue(r.render().contains("computed before find"), r.render());
    }

    @Test
    void foundRecordInAFlowWithoutFind_isAClearError() {
        CompileResult r = compile("""
                flow "n" {
                  from site.form
                  to keepincrm
                  deal { title <- "Order for {contact.name}" }
                }
                """);
        assertEquals(List.of("LF201"), codes(r), r.render());
        assertTrue(r.render().contains("this flow has no find"), r.render());
        assertFalse(r.ok());
    }

    static CompileResult compile(String text) {
        return DecideCatalog.compiler().compileSources(Map.of("f.flow", text));
    }

    static List<String> codes(CompileResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).map(d -> d.code().name()).toList();
    }
}

package io.leadflow.dsl.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.explain.Explainer;
import io.leadflow.dsl.explain.Explanation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CompileResult CALLTOUCH = DecideCatalog.examples().compile(List.of(Path.of("../examples/calltouch-retailcrm")));

    static Explanation explain(String lead, String crm) throws Exception {
        assertTrue(CALLTOUCH.ok(), CALLTOUCH.render());
        return Explainer.explain(CALLTOUCH, "calltouch to retailcrm", JSON.readTree(lead), crm == null ? null : JSON.readTree(crm), DecideTest.MONDAY);
    }

    @Test
    void trace_showsPhoneFilterFindRulesWithAtomValuesFieldsAndEffects() throws Exception {
        Explanation e = explain("{\"callId\": 9, \"siteId\": 77, \"callerphone\": \"8 915 777-11-22\", \"utm_source\": \"google\"}",
                "{\"contacts\":[{\"id\":7,\"phone\":\"89157771122\"}],\"deals\":[{\"id\":12,\"contact\":7,\"group\":\"open\"}]}");
        String text = e.text();
        System.out.println(text);
        assertTrue(text.contains("phone \"8 915 777-11-22\" → +79157771122"), text);
        assertTrue(text.contains("drop when \"neither a usable phone nor an email\": passed"), text);
        assertTrue(text.contains("contact 7 found; newest deal 12 is open, not marked"), text);
        assertTrue(text.contains("when not contact → no: contact = {id 7}"), text);
        assertTrue(text.contains("when not deal or deal.closed → no: deal = {id 12}, deal.closed = false"), text);
        assertTrue(text.contains("when not deal.marked → matched"), text);
        assertTrue(text.contains("calls.flow:34:5 deal.utm_source = \"google\""), text);
        assertTrue(text.endsWith("result: 1 effect\n"), text);
        JsonNode j = e.json();
        assertEquals("update deal", j.at("/effects/0/effect").asText());
        assertEquals("12", j.at("/effects/0/id").asText());
        assertTrue(j.at("/effects/0/mark").asBoolean());
    }

    @Test
    void docsExampleFiles_giveTheTraceShownInCliMd() throws Exception {
        Explanation e = Explainer.explain(CALLTOUCH, "calltouch to retailcrm",
                JSON.readTree(Path.of("../examples/calltouch-retailcrm/call.json").toFile()),
                JSON.readTree(Path.of("../examples/calltouch-retailcrm/crm.json").toFile()), DecideTest.MONDAY);
        String doc = java.nio.file.Files.readString(Path.of("../docs/cli.md"));
        for (String line : e.text().split("\n")) {
            assertTrue(doc.contains(line.replace("../examples", "examples")), "docs/cli.md lacks: " + line);
        }
    }

    @Test
    void droppedLead_saysWhichFilter() throws Exception {
        Explanation e = explain("{\"callId\": 9, \"callerphone\": \"12\"}", null);
        assertTrue(e.text().endsWith("result: dropped (\"neither a usable phone nor an email\")\n"), e.text());
        assertEquals("neither a usable phone nor an email", e.json().get("dropped").asText());
    }

    @Test
    void badInput_isAClearError() {
        assertThrows(IllegalArgumentException.class, () -> explain("[1]", null));
        IllegalArgumentException crm = assertThrows(IllegalArgumentException.class, () -> explain("{}", "{\"deals\":[{\"id\":1,\"group\":\"gone\"}]}"));
        assertTrue(crm.getMessage().contains("open, completed or cancelled"), crm.getMessage());
        IllegalArgumentException flow = assertThrows(IllegalArgumentException.class,
                () -> Explainer.explain(CALLTOUCH, "nope", JSON.readTree("{}"), null, DecideTest.MONDAY));
        assertTrue(flow.getMessage().contains("calltouch to retailcrm"), flow.getMessage());
    }
}

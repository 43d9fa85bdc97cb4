package io.leadflow.dsl.exec;

import static io.leadflow.dsl.exec.FlowProgramTest.lead;
import static io.leadflow.dsl.exec.FlowProgramTest.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.ExprHarness;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** L5: {@code phone} is E.164 or null; an invalid number goes on only when a rule says so ({@code phone ?? phone.raw}). */
class InvalidPhoneTest {
    static final String FLOW = """
            flow "p" {
              from site.form
              to keepincrm
              phone lead.phone as UA
              drop when lead.test "test"
              contact { name <- "Caller {phone}"  phone <- phone }
              deal { title <- "raw {phone.raw} valid {phone.valid} e164 {phone.e164}"  comment <- phone ?? phone.raw }
            }
            """;

    static ObjectNode map(String phone) throws Exception {
        Flow f = program(FLOW).flow("p").orElseThrow();
        return f.map(lead("{\"phone\": \"" + phone + "\"}"), ExprHarness.CLOCK);
    }

    @Test
    void validPhone_readsAsE164() throws Exception {
        ObjectNode out = map("067 123 45 67");
        assertEquals("+380671234567", out.at("/contact/phone").asText());
        assertEquals("Caller +380671234567", out.at("/contact/name").asText());
        assertEquals("+380671234567", out.at("/deal/comment").asText());
    }

    @Test
    void invalidPhone_readsAsNullSoTheFieldIsLeftOut() throws Exception {
        ObjectNode out = map("067 123");
        assertFalse(out.path("contact").has("phone"), out.toString());
        assertEquals("Caller ", out.at("/contact/name").asText());
    }

    @Test
    void invalidPhone_keepsRawAndValidityAndGoesOnAsGivenByRule() throws Exception {
        ObjectNode out = map("067 123");
        assertEquals("raw 067 123 valid false e164 ", out.at("/deal/title").asText());
        assertEquals("067 123", out.at("/deal/comment").asText());
    }

    @Test
    void flowWithoutAValidityRule_warnsThatTheNumberIsLeftOut() {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow", FLOW.replace("\n  drop when lead.test \"test\"", "")
                .replace("flow \"p\" {", "flow \"p\" {\n  find contact by phone\n  otherwise -> create contact, create deal")));
        assertTrue(r.ok(), r.render());
        assertTrue(r.render().contains("LF520") && r.render().contains("phone <- phone ?? phone.raw"), r.render());
    }
}

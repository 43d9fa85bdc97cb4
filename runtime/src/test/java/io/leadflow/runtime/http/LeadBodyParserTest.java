package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leadflow.runtime.config.Limits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeadBodyParserTest {
    final LeadBodyParser parser = new LeadBodyParser(Limits.DEFAULTS);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void form_becomesObjectWithRepeatedKeysAsArrays() {
        var lead = parser.parse("application/x-www-form-urlencoded", b("name=Olena+K&phone=%2B380671234567&tag=a&tag=b"));
        assertEquals("Olena K", lead.get("name").asText());
        assertEquals("+380671234567", lead.get("phone").asText());
        assertEquals(2, lead.get("tag").size());
        assertEquals("b", lead.get("tag").get(1).asText());
    }

    @Test
    void formValueOver8KiB_isRefused() {
        Refusal r = assertThrows(Refusal.class, () -> parser.validate("application/x-www-form-urlencoded", b("note=" + "x".repeat(8193))));
        assertEquals("form_limit", r.code());
    }

    @Test
    void jsonValidation_refusesTrailingContentAndTruncation() {
        assertEquals("invalid_json", assertThrows(Refusal.class, () -> parser.validate("application/json", b("{} {}"))).code());
        assertEquals("invalid_json", assertThrows(Refusal.class, () -> parser.validate("application/json", b("{\"a\":[1,2"))).code());
        assertEquals("not_an_object", assertThrows(Refusal.class, () -> parser.validate("application/json", b("\"x\""))).code());
        parser.validate("application/json", b("{\"a\":{\"b\":[1,2.5,\"c\",null,true]}}"));
    }
}

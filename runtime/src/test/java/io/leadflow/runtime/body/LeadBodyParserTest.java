package io.leadflow.runtime.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void form_becomesAnObjectOfStrings_repeatedNamesAnArray() {
        assertEquals("{\"name\":\"Олена П\",\"phone\":\"+380671234567\",\"tag\":[\"a\",\"b\"],\"empty\":\"\"}",
                parser.parse(LeadBodyParser.mediaType("application/x-www-form-urlencoded; charset=UTF-8"),
                        b("name=%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0+%D0%9F&phone=%2B380671234567&tag=a&tag=b&empty")).toString());
    }

    @Test
    void json_isReadAsIs_badJsonIsAClearError() {
        assertEquals("{\"a\":[1,2]}", parser.parse("application/json", b("{\"a\":[1,2]}")).toString());
        BodyRefusal e = assertThrows(BodyRefusal.class, () -> parser.parse("application/json", b("{\"a\":")));
        assertEquals("invalid_json", e.code());
        assertTrue(e.getMessage().startsWith("the body is not valid JSON"), e.getMessage());
    }

    @Test
    void formValueOver8KiB_isRefused() {
        BodyRefusal r = assertThrows(BodyRefusal.class, () -> parser.validate("application/x-www-form-urlencoded", b("note=" + "x".repeat(8193))));
        assertEquals("form_limit", r.code());
    }

    @Test
    void jsonValidation_refusesTrailingContentAndTruncation() {
        assertEquals("invalid_json", assertThrows(BodyRefusal.class, () -> parser.validate("application/json", b("{} {}"))).code());
        assertEquals("invalid_json", assertThrows(BodyRefusal.class, () -> parser.validate("application/json", b("{\"a\":[1,2"))).code());
        assertEquals("not_an_object", assertThrows(BodyRefusal.class, () -> parser.validate("application/json", b("\"x\""))).code());
        parser.validate("application/json", b("{\"a\":{\"b\":[1,2.5,\"c\",null,true]}}"));
    }
}

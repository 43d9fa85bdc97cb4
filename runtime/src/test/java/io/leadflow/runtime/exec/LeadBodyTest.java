package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeadBodyTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void form_becomesAnObjectOfStrings_repeatedNamesAnArray() {
        assertEquals("{\"name\":\"Олена П\",\"phone\":\"+380671234567\",\"tag\":[\"a\",\"b\"],\"empty\":\"\"}",
                LeadBody.parse(b("name=%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0+%D0%9F&phone=%2B380671234567&tag=a&tag=b&empty"),
                        "application/x-www-form-urlencoded; charset=UTF-8").toString());
    }

    @Test
    void json_isReadAsIs_badJsonIsAClearError() {
        assertEquals("{\"a\":[1,2]}", LeadBody.parse(b("{\"a\":[1,2]}"), "application/json").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LeadBody.parse(b("{\"a\":"), "application/json"));
        assertEquals(true, e.getMessage().startsWith("body is not valid JSON"));
    }
}

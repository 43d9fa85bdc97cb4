package io.leadflow.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void phone_keepsCountryOperatorAndLastTwo() {
        assertEquals("+38067*****67", Masking.phone("+380671234567"));
        assertEquals("06712***67", Masking.phone("0671234567"));
    }

    @Test
    void email_keepsFirstLetterAndDomain() {
        assertEquals("o***@example.com", Masking.email("olena.k@example.com"));
    }

    @Test
    void text_masksEveryShapeButLeavesDatesAlone() {
        String out = Masking.text("lead 2026-11-23 11:31:13 phone +38 (067) 123-45-67 alt 067 123 45 67 mail olena@example.com auth Bearer abc.def");
        assertFalse(out.contains("123-45-67"), out);
        assertFalse(out.contains("067 123 45 67"), out);
        assertFalse(out.contains("olena@"), out);
        assertFalse(out.contains("abc.def"), out);
        assertTrue(out.contains("2026-11-23 11:31:13"), out);
        assertTrue(out.contains("o***@example.com"), out);
    }

    @Test
    void logMasker_removesConfiguredSecretsWhateverTheirShape() {
        LogMasker m = new LogMasker(new SimpleFormatter(), () -> Set.of("sk_live_SECRET_value_42"));
        String line = m.format(new LogRecord(Level.WARNING, "calling CRM with key sk_live_SECRET_value_42 for +380671234567"));
        assertFalse(line.contains("sk_live_SECRET_value_42"), line);
        assertFalse(line.contains("380671234567"), line);
        assertTrue(line.contains("[secret]"), line);
    }
}

package io.leadflow.dsl.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneStandardizerTest {
    private final PhoneStandardizer ua = new PhoneStandardizer(PhoneProfile.UA);

    @Test
    void commonUkrainianForms_standardiseToE164() {
        for (String s : new String[] {"067 123 45 67", "0671234567", "380671234567", "+38 (067) 123-45-67",
                "671234567", "+380671234567", "00380671234567", "38(067)1234567"}) {
            assertEquals("+380671234567", ua.standardize(s).e164(), s);
        }
    }

    @Test
    void oldTrunkForm_isReadAsNational() {
        assertEquals("+380501234567", ua.standardize("80501234567").e164());
        assertEquals("+380501234567", ua.standardize("8 050 123 45 67").e164());
    }

    @Test
    void oneDigitTooMany_isInvalidThoughPossible() {
        PhoneResult r = ua.standardize("05012345678");
        assertFalse(r.valid());
        assertNull(r.e164());
        assertEquals("05012345678", r.raw());
    }

    @Test
    void junkAndBlank_areInvalidWithAReason() {
        for (String s : new String[] {"", "   ", "call me", "12", "+", null}) {
            PhoneResult r = ua.standardize(s);
            assertFalse(r.valid(), String.valueOf(s));
            assertTrue(r.problem() != null && !r.problem().isBlank());
        }
    }

    @Test
    void foreignNumber_isInvalidUnderTheUaProfile() {
        assertFalse(ua.standardize("+48 512 345 678").valid());
        assertEquals("+48512345678", new PhoneStandardizer(PhoneProfile.of(Optional.of("PL"), Optional.of(9), false))
                .standardize("512 345 678").e164());
    }

    @Test
    void mobileOnly_rejectsFixedLine() {
        PhoneStandardizer mobile = new PhoneStandardizer(PhoneProfile.of(Optional.of("UA"), Optional.empty(), true));
        assertFalse(mobile.standardize("044 123 4567").valid());
        assertTrue(mobile.standardize("067 123 4567").valid());
        assertTrue(ua.standardize("044 123 4567").valid());
    }

    @Test
    void wrongDigitCount_isInvalid() {
        PhoneStandardizer ten = new PhoneStandardizer(PhoneProfile.of(Optional.of("UA"), Optional.of(10), false));
        assertFalse(ten.standardize("067 123 45 67").valid());
    }
}

package io.leadflow.connector.phone;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneVariantsTest {

    @Test
    void ukrainianNumber_hasFourVariants() {
        assertEquals(List.of("+380671234567", "380671234567", "0671234567", "671234567"), PhoneVariants.of("+380671234567"));
    }

    @Test
    void notE164_hasNoVariants() {
        assertEquals(List.of(), PhoneVariants.of("067 123 45 67"));
        assertEquals(List.of(), PhoneVariants.of(""));
    }

    @Test
    void storedFormats_normaliseToTheSameNumber() {
        for (String s : List.of("+380671234567", "380671234567", "067 123 45 67", "+38 (067) 123-45-67", "0671234567")) {
            assertTrue(PhoneVariants.sameNumber(s, "+380671234567"), s);
        }
        assertFalse(PhoneVariants.sameNumber("+380501112233", "+380671234567"));
        assertEquals(Optional.empty(), PhoneVariants.normalise("12", "+380671234567"));
    }

    @Test
    void digits_keepsOnlyDigits() {
        assertEquals("380671234567", PhoneVariants.digits("+38 (067) 123-45-67"));
        assertEquals("671234567", PhoneVariants.lastDigits("+38 (067) 123-45-67", 9));
    }
}

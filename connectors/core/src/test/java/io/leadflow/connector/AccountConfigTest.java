package io.leadflow.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountConfigTest {
    private final AccountConfig main = new AccountConfig("keycrm", "main", null,
            Map.of(AccountConfig.API_KEY, "s3cr3t-value"), Map.of("timeout_ms", "abc", "source_id", " 3 "));

    @Test
    void numericSetting_isReadOrRefusedClearly() {
        assertEquals(3, main.longSetting("source_id", 7));
        assertEquals(7, main.longSetting("inventory_id", 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> main.longSetting("timeout_ms", 1));
        assertTrue(e.getMessage().contains("timeout_ms"), e.getMessage());
        assertTrue(e.getMessage().contains("keycrm/main"), e.getMessage());
    }

    @Test
    void missingSecret_namesItWithoutValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> main.secret("token"));
        assertTrue(e.getMessage().contains("'token'"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-value"), e.getMessage());
    }

    @Test
    void toString_neverShowsSecrets() {
        assertEquals("s3cr3t-value", main.secret(AccountConfig.API_KEY));
        assertFalse(main.toString().contains("s3cr3t-value"));
        assertTrue(main.toString().contains(AccountConfig.API_KEY), "secret names are shown, values are not");
    }
}

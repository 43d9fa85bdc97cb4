package io.leadflow.connector.secrets;

import static org.junit.jupiter.api.Assertions.*;

import io.leadflow.connector.AccountConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountConfigsTest {
    private static final Set<String> CONNECTORS = Set.of("keycrm", "baselinker");

    @Test
    void environment_givesSeveralAccountsPerCrm() {
        AccountConfigs c = AccountConfigs.load(Map.of(
                "LEADFLOW_KEYCRM_MAIN_API_KEY", "k1",
                "LEADFLOW_KEYCRM_SHOP_2_API_KEY", "k2",
                "LEADFLOW_KEYCRM_SHOP_2_BASE_URL", "http://127.0.0.1:9",
                "LEADFLOW_KEYCRM_SHOP_2_SETTING_SOURCE_ID", "3",
                "PATH", "/bin"), null, CONNECTORS);
        assertEquals("k1", c.require("keycrm", "main").secret(AccountConfigs.API_KEY));
        AccountConfig shop2 = c.require("keycrm", "shop_2");
        assertEquals("k2", shop2.secret(AccountConfigs.API_KEY));
        assertEquals("http://127.0.0.1:9", shop2.baseUrl());
        assertEquals("3", shop2.setting("source_id", null));
        assertEquals(2, c.all().size());
    }

    @Test
    void file_isReadAndEnvironmentWins(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, "{\"accounts\":[{\"connector\":\"baselinker\",\"account\":\"pl\",\"secrets\":{\"api_key\":\"from-file\"},"
                + "\"settings\":{\"inventory_id\":\"7\"}}]}");
        AccountConfigs c = AccountConfigs.load(Map.of("LEADFLOW_BASELINKER_PL_API_KEY", "from-env"), f, CONNECTORS);
        AccountConfig pl = c.require("baselinker", "pl");
        assertEquals("from-env", pl.secret(AccountConfigs.API_KEY));
        assertEquals("7", pl.setting("inventory_id", null));
    }

    @Test
    void toString_neverShowsSecrets() {
        AccountConfigs c = AccountConfigs.load(Map.of("LEADFLOW_KEYCRM_MAIN_API_KEY", "s3cr3t-value"), null, CONNECTORS);
        assertFalse(c.require("keycrm", "main").toString().contains("s3cr3t-value"));
        assertFalse(c.toString().contains("s3cr3t-value"));
    }

    @Test
    void missingAccount_namesTheVariableToSet() {
        AccountConfigs c = AccountConfigs.load(Map.of(), null, CONNECTORS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.require("keycrm", "main"));
        assertTrue(e.getMessage().contains("LEADFLOW_KEYCRM_MAIN_API_KEY"), e.getMessage());
    }

    @Test
    void numericSetting_isReadOrRefusedClearly() {
        AccountConfigs c = AccountConfigs.load(Map.of("LEADFLOW_KEYCRM_MAIN_API_KEY", "k",
                "LEADFLOW_KEYCRM_MAIN_SETTING_TIMEOUT_MS", "abc"), null, CONNECTORS);
        AccountConfig main = c.require("keycrm", "main");
        assertEquals(7, AccountConfigs.longSetting(main, "source_id", 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountConfigs.longSetting(main, "timeout_ms", 1));
        assertTrue(e.getMessage().contains("timeout_ms"), e.getMessage());
    }

    @Test
    void brokenFile_isAClearErrorWithoutItsContent(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("secrets.json");
        Files.writeString(f, "{\"accounts\": [ {\"api_key\": \"leak-me\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountConfigs.load(Map.of(), f, CONNECTORS));
        assertFalse(e.getMessage().contains("leak-me"));
    }
}

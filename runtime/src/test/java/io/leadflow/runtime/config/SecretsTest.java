package io.leadflow.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.AccountConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void fileAndEnvironment_envWins() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "source.horoshop-orders.token = a1, a2\nadmin.token=adm\ncrm.keycrm.main.api_key=k1\ncrm.keycrm.main.base_url=https://x\n");
        Secrets s = Secrets.load(f, Map.of("LEADFLOW_SOURCE_HOROSHOP_ORDERS_HMAC", "whsec_AAAA", "LEADFLOW_CRM_KEYCRM_MAIN_API_KEY", "k2",
                "LEADFLOW_CRM_KEYCRM_MAIN_SETTING_SOURCE_ID", "7", "PATH", "/bin"));
        assertEquals(List.of("a1", "a2"), s.source("horoshop-orders").tokens());
        assertEquals(List.of("whsec_AAAA"), s.source("horoshop-orders").hmac());
        AccountConfig crm = s.crm("keycrm", "main").orElseThrow();
        assertEquals("k2", crm.secret(AccountConfig.API_KEY));
        assertEquals("https://x", crm.baseUrl());
        assertEquals(7, crm.longSetting("source_id", -1));
        assertTrue(s.crm("keycrm", "other").isEmpty(), "no credentials → emulator fallback");
        assertTrue(s.values().containsAll(List.of("a1", "a2", "adm", "k1", "k2", "whsec_AAAA")));
        assertFalse(s.values().contains("https://x"));
        assertFalse(crm.toString().contains("k2"), "credentials never in toString");
    }

    @Test
    void environment_givesSeveralAccountsPerCrm() throws Exception {
        Secrets s = Secrets.load(null, Map.of(
                "LEADFLOW_CRM_KEYCRM_MAIN_API_KEY", "k1",
                "LEADFLOW_CRM_KEYCRM_SHOP_2_API_KEY", "k2",
                "LEADFLOW_CRM_KEYCRM_SHOP_2_BASE_URL", "http://127.0.0.1:9",
                "LEADFLOW_CRM_KEYCRM_SHOP_2_SETTING_SOURCE_ID", "3",
                "PATH", "/bin"));
        assertEquals("k1", s.crm("keycrm", "main").orElseThrow().secret(AccountConfig.API_KEY));
        AccountConfig shop2 = s.crm("keycrm", "shop_2").orElseThrow();
        assertEquals(new AccountConfig("keycrm", "shop_2", "http://127.0.0.1:9",
                Map.of(AccountConfig.API_KEY, "k2"), Map.of("source_id", "3")), shop2);
    }

    @Test
    void fileSettings_reachTheAccountAndEnvironmentWins() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "crm.baselinker.pl.api_key=from-file\ncrm.baselinker.pl.setting.inventory_id=307\n");
        AccountConfig pl = Secrets.load(f, Map.of("LEADFLOW_CRM_BASELINKER_PL_API_KEY", "from-env")).crm("baselinker", "pl").orElseThrow();
        assertEquals("from-env", pl.secret(AccountConfig.API_KEY));
        assertEquals(307, pl.longSetting("inventory_id", -1));
    }

    @Test
    void crmEnvPrefix_namesTheVariablesToSet() {
        assertEquals("LEADFLOW_CRM_KEYCRM_SHOP_2_", Secrets.crmEnvPrefix("keycrm", "shop_2"));
        assertEquals("LEADFLOW_CRM_KEEPINCRM_MAIN_", Secrets.crmEnvPrefix("keepincrm", "main"));
    }

    @Test
    void slugs_areUrlAndEnvSafe() {
        assertEquals("horoshop-orders", Slugs.of("Horoshop  orders!"));
        assertEquals("HOROSHOP_ORDERS", Slugs.env("horoshop orders"));
    }

    @Test
    void sandboxTokens_are256BitAndOnlyForUnconfiguredSources() {
        Secrets s = Secrets.empty().with(Map.of("source.a.token", "x"));
        var gen = new SandboxTokens().forUnconfigured(List.of("a", "b"), s);
        assertEquals(1, gen.size());
        assertTrue(gen.get("source.b.token").length() >= 43);
    }

    @Test
    void liveSecrets_revokedTokenIsGoneAfterReloadGeneratedOnesStay() throws Exception {
        Path f = dir.resolve("s.properties");
        Files.writeString(f, "source.shop.token=old1,old2\n");
        LiveSecrets live = new LiveSecrets(f, Map.of());
        live.addGenerated(Map.of("admin.token", "generated"));
        assertTrue(live.reloadIfChanged().isEmpty(), "unchanged file: nothing to do");
        Files.writeString(f, "source.shop.token=old2\n");
        Secrets next = live.reloadIfChanged().orElseThrow();
        assertEquals(List.of("old2"), next.source("shop").tokens());
        assertEquals(List.of("generated"), next.adminTokens(), "tokens generated at start survive a reload");
        assertEquals(next, live.current());
        assertTrue(live.reloadIfChanged().isEmpty());
    }
}

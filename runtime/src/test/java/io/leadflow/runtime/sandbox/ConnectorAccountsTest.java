package io.leadflow.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.Flow;
import io.leadflow.runtime.config.Secrets;
import io.leadflow.runtime.testkit.StubFlow;
import io.leadflow.runtime.testkit.StubProgram;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectorAccountsTest {
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    static StubProgram program(Flow... flows) {
        return new StubProgram(List.of(flows), "h");
    }

    /** Issue 9 defect 9 (SPEC C7): each account is its own emulated account, as it is in production. */
    @Test
    void sandbox_startsOneEmulatorPerAccount_andAnnouncesEach_andTheirRecordsAreApart() throws Exception {
        List<String> said = new ArrayList<>();
        ConnectorAccounts a = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, said::add);
        a.prepare(program(new StubFlow("x", "keycrm", "main"), new StubFlow("y", "keycrm", "second"))).await();
        assertTrue(a.get("keycrm", "main").isPresent());
        assertTrue(a.get("keycrm", "second").isPresent());
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.stream().anyMatch(l -> l.startsWith("emulator keycrm account 'main' listening on http://127.0.0.1:")), said.toString());
        assertTrue(said.stream().anyMatch(l -> l.startsWith("emulator keycrm account 'second' listening on")), said.toString());
        int main = a.emulatorPorts().get("keycrm/main");
        int second = a.emulatorPorts().get("keycrm/second");
        assertTrue(main != second, "two accounts, two emulators");
        HttpClient http = HttpClient.newHttpClient();
        var seeded = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + main + "/__emulator/seed"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"contacts\":[{\"ref\":\"c\",\"name\":\"Only in main\",\"phone\":\"+380671234567\"}]}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, seeded.statusCode(), seeded.body());
        var inMain = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + main + "/__emulator/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        var inSecond = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second + "/__emulator/state")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(inMain.body().contains("Only in main"), inMain.body());
        assertFalse(inSecond.body().contains("Only in main"), inSecond.body());
        a.close().await();
    }

    /** KeyCRM's "create in funnels" is an account setting; in sandbox the emulator's account keeps it. */
    @Test
    void sandbox_keepsTheAccountsOwnSettings_overTheEmulatorsDefaults() {
        Secrets s = Secrets.empty().with(Map.of("crm.keycrm.cards.setting.mode", "funnels", "crm.keycrm.cards.api_key", "ignored-in-sandbox"));
        var merged = ConnectorAccounts.withSettings(new io.leadflow.connector.AccountConfig("keycrm", "cards", "http://127.0.0.1:1",
                Map.of("api_key", "emulator-key"), Map.of("source_id", "3", "mode", "orders")), s.crmSettings("keycrm", "cards"));
        assertEquals(Map.of("source_id", "3", "mode", "funnels"), merged.settings());
        assertEquals(Map.of("api_key", "emulator-key"), merged.secrets(), "credentials stay the emulator's");
        assertEquals(Map.of(), Secrets.empty().crmSettings("keycrm", "cards"));
    }

    @Test
    void accountWithCredentials_talksToItsApiAndOthersFallBackToTheEmulator() {
        Secrets s = Secrets.empty().with(Map.of("crm.keycrm.main.api_key", "k-123", "crm.keycrm.main.base_url", "https://openapi.keycrm.app"));
        ConnectorAccounts a = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), false, () -> s, line -> { });
        a.prepare(program(new StubFlow("x", "keycrm", "main"))).await();
        assertTrue(a.emulatorPorts().isEmpty(), "no emulator for a configured account");
        a.prepare(program(new StubFlow("y", "keycrm", "other"))).await();
        assertEquals(1, a.emulatorPorts().size(), "the unconfigured account falls back to the emulator");
        assertTrue(a.hasCredentials(new AccountKey("keycrm", "main")));
        assertFalse(a.hasCredentials(new AccountKey("keycrm", "other")));
    }

    @Test
    void unknownConnector_failsWithItsName() {
        ConnectorAccounts a = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, line -> { });
        var f = a.prepare(program(new StubFlow("x", "nosuchcrm", "main")));
        try {
            f.await();
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("nosuchcrm"), e.getMessage());
            return;
        }
        throw new AssertionError("expected a failure");
    }

    /** Issue 18 point 6: {@code serve --sandbox} restarted on the same data folder finds what it delivered. */
    @Test
    void sandboxRestartedOnTheSameDataFolder_findsWhatItsEmulatorsReceived(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        java.nio.file.Path records = data.resolve("emulators");
        String phone = "+380671112233";
        ConnectorAccounts first = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, line -> { }, null, records);
        first.prepare(program(new StubFlow("x", "keepincrm", "main"))).await();
        var fields = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", "Olena").put("phone", phone);
        String id = first.get("keepincrm", "main").orElseThrow()
                .apply(new io.leadflow.spi.effect.CreateContact(fields, null), new io.leadflow.connector.EffectContext("k-1", "lead-1", Map.of(), null))
                .await().crmId();
        first.close().await();
        assertTrue(java.nio.file.Files.exists(records.resolve("keepincrm.main.json")), "records written under the data folder");

        List<String> said = new ArrayList<>();
        ConnectorAccounts second = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, said::add, null, records);
        second.prepare(program(new StubFlow("x", "keepincrm", "main"))).await();
        var found = second.get("keepincrm", "main").orElseThrow().find(new io.leadflow.spi.record.LookupRequest(
                List.of(new io.leadflow.spi.record.LookupKey(io.leadflow.spi.record.LookupKey.Kind.PHONE, phone)), false, null)).await();
        assertTrue(found.contact().isPresent(), "the contact made before the restart is found: " + found);
        assertEquals(id, found.contact().get().id());
        assertTrue(said.stream().anyMatch(l -> l.contains("records kept in")), said.toString());
        second.close().await();
    }

    @Test
    void unreadableEmulatorRecords_failTheAccount_withTheFileNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        java.nio.file.Path records = data.resolve("emulators");
        java.nio.file.Files.createDirectories(records);
        java.nio.file.Files.writeString(records.resolve("keepincrm.main.json"), "{not json");
        ConnectorAccounts a = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, line -> { }, null, records);
        try {
            a.prepare(program(new StubFlow("x", "keepincrm", "main"))).await();
            throw new AssertionError("an unreadable records file was accepted");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("keepincrm.main.json") && e.getMessage().contains("move it away"), e.getMessage());
        }
        a.close().await();
    }

    /**
     * The pulled sources' emulators keep their records in the data folder too: a shop's orders
     * (Horoshop) and a call journal (Calltouch) seeded before a restart are there after it, and a
     * pull reads them.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"horoshop,orders,order_id", "calltouch,calls,callId"})
    void pulledSourcesEmulators_keepTheirRecords_acrossARestart(String connector, String feed, String idField,
                                                                @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        java.nio.file.Path records = data.resolve("emulators");
        var key = new AccountKey(connector, "main");
        // a few minutes ago in the system's zone (a fixed 10:00 of "today" is in the future after local midnight, and a pull reads up to now)
        java.time.LocalDateTime then = java.time.LocalDateTime.now(java.time.ZoneId.of(connector.equals("horoshop") ? "Europe/Kyiv" : "Europe/Moscow"))
                .minusMinutes(5).withNano(0);
        java.time.LocalDate today = then.toLocalDate();
        String at = then.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String seed = connector.equals("horoshop")
                ? "{\"orders\":[{\"order_id\":1207,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Olena\"},"
                        + "{\"order_id\":1208,\"stat_status\":1,\"stat_created\":\"" + at + "\",\"delivery_name\":\"Ivan\"}]}"
                : "{\"calls\":[{\"ref\":\"a\",\"callerNumber\":\"79151234567\",\"date\":\"" + at + "\"},"
                        + "{\"ref\":\"b\",\"callerNumber\":\"79157654321\",\"date\":\"" + at + "\"}]}";
        Map<String, String> settings = Map.of("feed", feed, "since", today.toString(), "rate_limit", "1000/1s");
        HttpClient http = HttpClient.newHttpClient();

        ConnectorAccounts first = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, line -> { }, null, records);
        first.pullConnector(key, settings).compose(c -> c.close()).await();
        String base = "http://127.0.0.1:" + first.emulatorPorts().get(connector + "/main");
        var seeded = http.send(HttpRequest.newBuilder(URI.create(base + "/__emulator/seed")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(seed)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, seeded.statusCode(), seeded.body());
        String before = state(http, base);
        first.close().await();
        assertTrue(java.nio.file.Files.exists(records.resolve(connector + ".main.json")), "records written under the data folder");

        List<String> said = new ArrayList<>();
        ConnectorAccounts second = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, said::add, null, records);
        var pull = second.pullConnector(key, settings).await();
        assertTrue(said.stream().anyMatch(l -> l.contains("records kept in")), said.toString());
        assertFalse(said.stream().anyMatch(l -> l.contains("memory only")), said.toString());
        assertEquals(before, state(http, "http://127.0.0.1:" + second.emulatorPorts().get(connector + "/main")), "the same records after the restart");
        List<String> read = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 20 && read.size() < 2; i++) {
            var batch = pull.pull(cursor).await();
            batch.records().forEach(r -> read.add(r.path(idField).asText()));
            cursor = batch.cursor();
        }
        assertEquals(2, read.size(), "the restarted emulator's records are read: " + read);
        pull.close().await();
        second.close().await();
    }

    private static String state(HttpClient http, String base) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/__emulator/state")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("records").toString();
    }
}

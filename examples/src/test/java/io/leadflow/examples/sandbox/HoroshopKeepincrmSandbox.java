package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared harness of the seed 000 sandbox tests ({@link HoroshopKeepincrmSandboxTest},
 * {@link HoroshopKeepincrmOptionsSandboxTest}): {@code serve examples/horoshop-keepincrm --sandbox},
 * Horoshop leads posted as JSON, the emulated KeepinCRM account read back. Each test class runs
 * its own server, so each has its own emulated account and its own share of KeepinCRM's assumed
 * 60 requests a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HoroshopKeepincrmSandbox {
    static final String ORDERS = "lf_test_hs_orders_0123456789abcdef01234567";
    static final String REGISTRATIONS = "lf_test_hs_regs_0123456789abcdef0123456789";
    static final String NEVER_CREATE = "lf_test_hs_never_0123456789abcdef012345678";
    static final String NO_TASK = "lf_test_hs_notask_0123456789abcdef01234567";
    /** The rotation of orders.flow's {@code managers sales = rotate [101, 102, 103]}. */
    static final List<Long> SALES = List.of(101L, 102L, 103L);
    SandboxRun run;
    String crm;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        run = SandboxRun.start(Path.of("horoshop-keepincrm"), data, Map.of("source.horoshop-orders.token", ORDERS,
                "source.horoshop-registrations.token", REGISTRATIONS, "source.horoshop-never-create.token", NEVER_CREATE,
                "source.horoshop-no-task.token", NO_TASK));
        crm = run.emulator("keepincrm", "main");
    }

    @AfterAll
    void stop() {
        run.close();
    }

    /** An order as Horoshop's orders/get gives it (crm-apis.md §6): the number, the buyer, the total, the status, UTM, products. */
    static String order(long id, String phone, String name, String email, int status) {
        return "{\"order_id\": " + id + ", \"user\": 0, \"delivery_name\": \"" + name + "\", \"delivery_phone\": \"" + phone + "\","
                + " \"delivery_email\": " + (email == null ? "null" : "\"" + email + "\"") + ", \"delivery_city\": \"Київ\","
                + " \"delivery_type\": {\"id\": 3, \"title\": \"Нова Пошта\"}, \"payment_type\": {\"id\": 1, \"title\": \"Готівкою\"},"
                + " \"delivery_price\": -1, \"payed\": 0, \"total_default\": 1599, \"total_sum\": 1599, \"total_quantity\": 2,"
                + " \"currency\": \"UAH\", \"stat_status\": " + status + ", \"stat_created\": \"2026-11-20 09:12:44\","
                + " \"comment\": \"\", \"analytics\": {\"utm_source\": \"google\", \"utm_medium\": \"cpc\", \"utm_campaign\": 2026,"
                + " \"utm_term\": \"\", \"utm_content\": \"\", \"google_client_id\": \"1234.5678\"},"
                + " \"products\": [{\"article\": \"KT-1\", \"title\": \"Чайник\", \"price\": \"799.50\", \"quantity\": 2}]}";
    }

    JsonNode done(String slug, String token, String json) throws Exception {
        JsonNode lead = run.finished(run.lead(slug, token, json));
        assertEquals("done", lead.path("status").asText(), lead.toPrettyString());
        return lead;
    }

    JsonNode records() throws Exception {
        return run.records(crm);
    }

    /** The clients whose phones hold the number (its last 9 digits, in whatever format they are stored). */
    List<JsonNode> clientsWithNumber(String nine) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : records().path("clients")) {
            for (JsonNode p : c.path("phones")) if (p.asText().replaceAll("\\D", "").endsWith(nine)) out.add(c);
        }
        return out;
    }

    JsonNode onlyClient(String nine) throws Exception {
        List<JsonNode> clients = clientsWithNumber(nine);
        assertEquals(1, clients.size(), "one client with …" + nine + ": " + clients);
        return clients.get(0);
    }

    List<JsonNode> of(String kind, String link, long id) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode r : records().path(kind)) if (r.path(link).asLong() == id) out.add(r);
        return out;
    }

    long seedContact(String phone, long manager, String name, String email) throws Exception {
        return run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"phone\":\"" + phone + "\",\"manager\":\"" + manager + "\""
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}]}")
                .path("contacts").path("c").asLong();
    }

    /** Seeds a contact and one deal of {@code group}; returns {contact id, deal id}. */
    long[] seedContactWithDeal(String phone, long contactManager, String name, String group, long dealManager) throws Exception {
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"phone\":\"" + phone + "\",\"manager\":\"" + contactManager + "\""
                + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}],"
                + "\"deals\":[{\"ref\":\"d\",\"contact\":\"c\",\"title\":\"Order 1\",\"group\":\"" + group + "\",\"manager\":\"" + dealManager + "\"}]}");
        return new long[] {ids.path("contacts").path("c").asLong(), ids.path("deals").path("d").asLong()};
    }

    static JsonNode fieldValue(JsonNode agreement, String name) {
        for (JsonNode f : agreement.path("custom_fields")) if (name.equals(f.path("name").asText())) return f.path("value");
        return null;
    }

    static String field(JsonNode agreement, String name) {
        JsonNode v = fieldValue(agreement, name);
        return v == null ? null : v.asText();
    }

}

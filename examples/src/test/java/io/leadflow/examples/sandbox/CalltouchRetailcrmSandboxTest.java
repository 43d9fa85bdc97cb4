package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 002 end to end in {@code serve examples/calltouch-retailcrm --sandbox}: Calltouch's
 * form-encoded call and request webhooks, posted as Calltouch posts them, against the emulated
 * RetailCRM account. The example's 1-minute delay is shortened to 1 s in a copy of the folder (the
 * only change; {@link CalltouchDelaySandboxTest} runs the folder as shipped and sees the delay).
 * Each test uses its own phone numbers, so the tests share one emulated account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalltouchRetailcrmSandboxTest {
    static final String CALLS = "lf_test_calls_0123456789abcdef0123456789ab";
    static final String REQUESTS = "lf_test_requests_0123456789abcdef01234567";
    @TempDir
    static Path data;
    private SandboxRun run;
    private String crm;

    @BeforeAll
    void start() throws Exception {
        Path folder = SandboxRun.copy(Path.of("calltouch-retailcrm"), data.resolve("rules"),
                "calls.flow", "delay 1m", "delay 1s", "requests.flow", "delay 1m", "delay 1s");
        run = SandboxRun.start(folder, data, Map.of("source.calltouch-to-retailcrm.token", CALLS,
                "source.calltouch-requests-to-retailcrm.token", REQUESTS));
        crm = run.emulator("retailcrm", "main");
    }

    @AfterAll
    void stop() {
        run.close();
    }

    /** A call webhook as Calltouch sends it: form-encoded, the token in the URL (a webhook cannot set headers). */
    private String call(String... fields) throws Exception {
        return webhook("calltouch-to-retailcrm", CALLS, fields);
    }

    private String request(String... fields) throws Exception {
        return webhook("calltouch-requests-to-retailcrm", REQUESTS, fields);
    }

    private String webhook(String slug, String token, String... fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) form.put(fields[i], fields[i + 1]);
        HttpResponse<String> r = run.postForm(run.base() + "/v1/leads/" + slug + "?token=" + token, form);
        assertEquals(202, r.statusCode(), r.body());
        return SandboxRun.JSON.readTree(r.body()).path("id").asText();
    }

    private List<JsonNode> customersWithPhone(String digits) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : run.records(crm).path("customers")) {
            for (JsonNode p : c.path("phones")) if (p.path("number").asText().replaceAll("\\D", "").equals(digits)) out.add(c);
        }
        return out;
    }

    private List<JsonNode> ordersOf(long customerId) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : run.records(crm).path("orders")) if (o.path("customer").path("id").asLong() == customerId) out.add(o);
        return out;
    }

    private JsonNode done(String leadId) throws Exception {
        JsonNode lead = run.finished(leadId);
        assertEquals("done", lead.path("status").asText(), lead.toPrettyString());
        return lead;
    }

    @Test
    void aNewRussianCaller_getsAClientNamedAfterTheCall_andAnOrderWithTheCalltouchFields() throws Exception {
        done(call("callId", "90001", "siteId", "77", "callerphone", "79157771122", "utm_source", "yandex", "utm_medium", "cpc",
                "utm_campaign", "2026", "utm_content", "ad-1", "utm_term", "чайник"));
        List<JsonNode> customers = customersWithPhone("79157771122");
        assertEquals(1, customers.size(), customers.toString());
        JsonNode client = customers.get(0);
        assertEquals("Звонок от +79157771122", client.path("firstName").asText());
        assertTrue(client.path("managerId").isMissingNode() || client.path("managerId").isNull(), "no manager on the client: " + client);
        List<JsonNode> orders = ordersOf(client.path("id").asLong());
        assertEquals(1, orders.size(), orders.toString());
        JsonNode order = orders.get(0);
        assertEquals("77", order.path("customFields").path("ct_site_id").asText());
        assertEquals("90001", order.path("customFields").path("ct_call_id").asText());
        assertEquals("yandex", order.path("source").path("source").asText());
        assertEquals("cpc", order.path("source").path("medium").asText());
        assertTrue(order.path("source").path("campaign").isTextual(), "utm_campaign 2026 goes into a text field as text: " + order);
        assertEquals("2026", order.path("source").path("campaign").asText());
        assertEquals("ad-1", order.path("source").path("content").asText());
        assertEquals("чайник", order.path("source").path("keyword").asText());
    }

    @Test
    void aKnownClientWhoseNewestOrderIsCompleted_getsANewOrder_andTheClientIsNotEdited() throws Exception {
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"name\":\"Мария\",\"phone\":\"+79160000001\"}],"
                + "\"deals\":[{\"ref\":\"old\",\"contact\":\"c\",\"group\":\"open\",\"createdAt\":\"2024-01-01T10:00:00Z\"},"
                + "{\"ref\":\"new\",\"contact\":\"c\",\"group\":\"completed\",\"createdAt\":\"2024-06-01T10:00:00Z\"}]}");
        long client = ids.path("contacts").path("c").asLong();
        done(call("callId", "90002", "siteId", "77", "callerphone", "79160000001"));
        List<JsonNode> orders = ordersOf(client);
        assertEquals(3, orders.size(), orders.toString());
        JsonNode created = orders.get(2);
        assertEquals("90002", created.path("customFields").path("ct_call_id").asText());
        JsonNode older = orders.get(0);
        assertNull(older.path("customFields").get("ct_site_id"), "the older open order is not the newest: untouched " + older);
        assertEquals("Мария", customersWithPhone("79160000001").get(0).path("firstName").asText());
    }

    @Test
    void aKnownClientWhoseNewestOrderIsCancelled_getsANewOrder() throws Exception {
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"name\":\"Олег\",\"phone\":\"+79160000002\"}],"
                + "\"deals\":[{\"ref\":\"d\",\"contact\":\"c\",\"group\":\"cancelled\"}]}");
        done(call("callId", "90003", "siteId", "77", "callerphone", "+7 (916) 000-00-02"));
        assertEquals(2, ordersOf(ids.path("contacts").path("c").asLong()).size());
    }

    @Test
    void anOpenOrder_isUpdatedOnceByTheFirstCall_andLeftAloneByTheNext() throws Exception {
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"c\",\"name\":\"Ирина\",\"phone\":\"+79160000003\"}],"
                + "\"deals\":[{\"ref\":\"d\",\"contact\":\"c\",\"group\":\"open\"}]}");
        long client = ids.path("contacts").path("c").asLong();
        done(call("callId", "90004", "siteId", "77", "callerphone", "79160000003", "utm_source", "google"));
        List<JsonNode> orders = ordersOf(client);
        assertEquals(1, orders.size(), "updated, not a new order: " + orders);
        assertEquals("77", orders.get(0).path("customFields").path("ct_site_id").asText());
        assertEquals("google", orders.get(0).path("source").path("source").asText());

        JsonNode second = done(call("callId", "90005", "siteId", "77", "callerphone", "79160000003", "utm_source", "yandex"));
        assertTrue(second.path("reason").asText().contains("order already updated by Calltouch"), second.toString());
        orders = ordersOf(client);
        assertEquals(1, orders.size());
        assertEquals("google", orders.get(0).path("source").path("source").asText(), "updated once only");
        assertEquals("90004", orders.get(0).path("customFields").path("ct_call_id").asText());
    }

    @Test
    void aUkrainianNumber_isNotARussianPhone_soTheCallerIsFoundByEmail_orDroppedWithoutOne() throws Exception {
        JsonNode dropped = run.finished(call("callId", "90006", "siteId", "77", "callerphone", "380671234567"));
        assertEquals("dropped", dropped.path("status").asText(), dropped.toString());
        assertEquals("neither a usable phone nor an email", dropped.path("reason").asText());
        assertTrue(customersWithPhone("380671234567").isEmpty());

        done(call("callId", "90007", "siteId", "77", "callerphone", "380671234568", "email", "Taras@Example.com"));
        List<JsonNode> customers = customersWithPhone("380671234568");
        assertEquals(1, customers.size(), "created with the number as given: " + customers);
        assertEquals("Звонок от 380671234568", customers.get(0).path("firstName").asText());
        assertEquals(1, ordersOf(customers.get(0).path("id").asLong()).size());
    }

    @Test
    void aPlainRetryOfACallWebhook_isOneOrder() throws Exception {
        String first = call("callId", "90008", "siteId", "77", "callerphone", "79160000008");
        Map<String, String> form = new LinkedHashMap<>(Map.of("callId", "90008", "siteId", "77", "callerphone", "79160000008"));
        HttpResponse<String> retry = run.postForm(run.base() + "/v1/leads/calltouch-to-retailcrm?token=" + CALLS, form);
        assertEquals(200, retry.statusCode(), retry.body());
        done(first);
        List<JsonNode> customers = customersWithPhone("79160000008");
        assertEquals(1, customers.size());
        assertEquals(1, ordersOf(customers.get(0).path("id").asLong()).size());
    }

    @Test
    void aRequestWithAPhone_namesTheClientAfterItsSubject_andFillsTheRequestId() throws Exception {
        done(request("requestId", "7001", "siteId", "77", "subject", "Обратный звонок", "name", "Анна", "phone", "+7 916 000-00-09",
                "utm_source", "vk"));
        List<JsonNode> customers = customersWithPhone("79160000009");
        assertEquals(1, customers.size(), customers.toString());
        assertEquals("Обратный звонок от Анна +79160000009", customers.get(0).path("firstName").asText());
        JsonNode order = ordersOf(customers.get(0).path("id").asLong()).get(0);
        assertEquals("7001", order.path("customFields").path("ct_request_id").asText());
        assertEquals("77", order.path("customFields").path("ct_site_id").asText());
        assertEquals("vk", order.path("source").path("source").asText());
    }

    @Test
    void anEmailOnlyRequest_findsTheNewestClientWithThatEmail_andUpdatesItsOpenOrderOnce() throws Exception {
        JsonNode ids = run.seed(crm, "{\"contacts\":[{\"ref\":\"a\",\"name\":\"Старый\",\"email\":\"only@example.ru\",\"createdAt\":\"2023-01-01T00:00:00Z\"},"
                + "{\"ref\":\"b\",\"name\":\"Новый\",\"email\":\"only@example.ru\",\"createdAt\":\"2024-01-01T00:00:00Z\"}],"
                + "\"deals\":[{\"ref\":\"d\",\"contact\":\"b\",\"group\":\"open\"}]}");
        done(request("requestId", "7002", "siteId", "77", "subject", "Заявка", "name", "Пётр", "email", "Only@Example.ru"));
        List<JsonNode> orders = ordersOf(ids.path("contacts").path("b").asLong());
        assertEquals(1, orders.size());
        assertEquals("7002", orders.get(0).path("customFields").path("ct_request_id").asText());
        assertTrue(ordersOf(ids.path("contacts").path("a").asLong()).isEmpty());
    }

    @Test
    void anEmailOnlyRequestFromANewClient_namesTheClientWithTheEmail() throws Exception {
        done(request("requestId", "7003", "siteId", "77", "subject", "Заявка", "name", "Пётр", "email", "new-client@example.ru"));
        JsonNode client = null;
        for (JsonNode c : run.records(crm).path("customers")) if ("new-client@example.ru".equals(c.path("email").asText())) client = c;
        assertNotNull(client);
        assertEquals("Заявка от Пётр new-client@example.ru", client.path("firstName").asText());
    }

    @Test
    void theSandboxChecksTheFlowsAgainstTheEmulatedAccount_andFindsNothingWrong() throws Exception {
        HttpResponse<String> r = run.getWithAdmin(run.base() + "/v1/flows");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode flows = SandboxRun.JSON.readTree(r.body());
        assertTrue(flows.toString().contains("\"checked\":true"), "the emulated account is checked in sandbox: " + flows);
        assertTrue(!flows.toString().contains("has no order custom field") && !flows.toString().contains("has no deal custom field"),
                flows.toString());
    }
}

package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 end to end, the LeadBox default of {@code examples/horoshop-keepincrm} (orders.flow,
 * registrations.flow) in {@code serve --sandbox}: repeat buyer with an open deal → a task for the
 * deal's manager; closed deals → a new deal for the contact's manager; new buyer → contact and deal
 * for the next manager of the rotation; the same phone in other formats → the same contact; junk
 * phones and cancelled orders dropped; a registration is a lead of the same algorithm. A plain
 * retry is {@link SenderRetrySandboxTest}; the options are {@link HoroshopKeepincrmOptionsSandboxTest}.
 */
class HoroshopKeepincrmSandboxTest extends HoroshopKeepincrmSandbox {
    // ---- orders.flow: the LeadBox default ----

    @Test
    void aRepeatBuyerWithAnOpenDeal_getsATaskForTheDealsManager_andNoSecondDealOrContact() throws Exception {
        long[] ids = seedContactWithDeal("+380671110001", 101, "Олена", "open", 102);
        done("horoshop-orders", ORDERS, order(1207, "067 111 00 01", "Олена Коваль", null, 1));
        JsonNode client = onlyClient("671110001");
        assertEquals(ids[0], client.path("id").asLong());
        assertEquals(1, of("agreements", "client_id", ids[0]).size(), "no second deal: " + records());
        List<JsonNode> tasks = of("tasks", "agreement_id", ids[1]);
        assertEquals(1, tasks.size(), records().toString());
        JsonNode task = tasks.get(0);
        assertEquals(102, task.path("main_responsible_id").asLong(), "the deal's manager, not the contact's: " + task);
        assertEquals(ids[0], task.path("client_id").asLong());
        assertTrue(task.path("title").asText().equals("Repeat order 1207"), task.toString());
    }

    @Test
    void aKnownBuyerWhoseDealsAreClosed_getsANewDealForTheContactsManager() throws Exception {
        long[] ids = seedContactWithDeal("+380671110002", 103, "Петро", "completed", 102);
        done("horoshop-orders", ORDERS, order(1208, "+38 (067) 111-00-02", "Петро", null, 2));
        onlyClient("671110002");
        List<JsonNode> deals = of("agreements", "client_id", ids[0]);
        assertEquals(2, deals.size(), records().toString());
        JsonNode created = deals.get(1);
        assertEquals(103, created.path("main_responsible_id").asLong(), "the contact's manager: " + created);
        assertEquals("Order 1208 from Петро", created.path("title").asText());
        assertEquals(1599, created.path("total").asInt());
        assertEquals(2, created.path("stage_id").asInt(), "stat_status 2 → stage 2 (table statuses): " + created);
        assertEquals(0, of("tasks", "client_id", ids[0]).size(), records().toString());
    }

    @Test
    void newBuyers_getAContactAndADealEach_forTheNextManagersOfTheRotation() throws Exception {
        List<Long> managers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String nine = "50222000" + i;
            done("horoshop-orders", ORDERS, order(1300 + i, "+38 (0" + nine.substring(0, 2) + ") " + nine.substring(2, 5) + "-"
                    + nine.substring(5, 7) + "-" + nine.substring(7), "Buyer " + i, " Buyer" + i + "@Example.COM ", 1));
            JsonNode client = onlyClient(nine);
            assertEquals("+380" + nine, client.path("phones").get(0).asText(), "the phone in E.164: " + client);
            assertEquals("Buyer " + i, client.path("person").asText());
            assertEquals("buyer" + i + "@example.com", client.path("email").asText());
            List<JsonNode> deals = of("agreements", "client_id", client.path("id").asLong());
            assertEquals(1, deals.size(), records().toString());
            JsonNode deal = deals.get(0);
            long manager = client.path("main_responsible_id").asLong();
            assertEquals(manager, deal.path("main_responsible_id").asLong(), "contact and deal for the same manager: " + deal);
            managers.add(manager);
            assertEquals("Order " + (1300 + i) + " from Buyer " + i, deal.path("title").asText());
            assertEquals(1, deal.path("stage_id").asInt());
            assertEquals("google", field(deal, "field_1043"), deal.toString());
            assertEquals("2026", field(deal, "field_1044"), "utm_campaign into the account's «UTM campaign» field: " + deal);
            assertTrue(fieldValue(deal, "field_1044").isTextual(), "Horoshop's numeric utm_campaign as text in a text field (defect 6): " + deal);
            JsonNode job = deal.path("jobs").get(0);
            assertEquals("Чайник", job.path("title").asText(), deal.toString());
            assertEquals(2, job.path("amount").asInt());
            assertEquals("KT-1", job.path("product_attributes").path("sku").asText());
            assertEquals(799.5, job.path("product_attributes").path("price").asDouble());
        }
        assertEquals(Set.copyOf(SALES), Set.copyOf(managers), "three new buyers, three managers of sales: " + managers);
        int first = SALES.indexOf(managers.get(0));
        for (int i = 1; i < 3; i++) assertEquals(SALES.get((first + i) % 3), managers.get(i), "in rotation order: " + managers);
    }

    @Test
    void aSecondOrderFromTheSamePhoneInAnotherFormat_findsTheSameContact() throws Exception {
        done("horoshop-orders", ORDERS, order(1401, "0503330001", "Марія", null, 1));
        JsonNode client = onlyClient("503330001");
        long id = client.path("id").asLong();
        // +380…, 380…, 80… (the old Soviet form), 9 digits: the same number each time.
        String[] formats = {"+38 (050) 333-00-01", "380503330001", "80503330001", "503330001"};
        for (int i = 0; i < formats.length; i++) done("horoshop-orders", ORDERS, order(1402 + i, formats[i], "Марія", null, 1));
        assertEquals(1, clientsWithNumber("503330001").size(), records().toString());
        List<JsonNode> deals = of("agreements", "client_id", id);
        assertEquals(1, deals.size(), "the first order's deal is open: every later one is a task on it: " + records());
        assertEquals(formats.length, of("tasks", "agreement_id", deals.get(0).path("id").asLong()).size(), records().toString());
    }

    @Test
    void junkPhonesAndCancelledOrders_areDropped_andNothingReachesKeepincrm() throws Exception {
        int clients = records().path("clients").size();
        JsonNode junk = run.finished(run.lead("horoshop-orders", ORDERS, order(1501, "067 123", "Junk", "known@example.com", 1)));
        assertEquals("dropped", junk.path("status").asText(), junk.toString());
        assertTrue(junk.toString().contains("no usable phone"), junk.toString());
        JsonNode cancelled = run.finished(run.lead("horoshop-orders", ORDERS, order(1502, "0504440001", "Cancel", null, 4)));
        assertEquals("dropped", cancelled.path("status").asText(), cancelled.toString());
        assertTrue(cancelled.toString().contains("cancelled in the shop"), cancelled.toString());
        assertEquals(clients, records().path("clients").size(), records().toString());
    }

    // ---- registrations.flow ----

    @Test
    void aRegistration_isALeadOfTheSameAlgorithm_newThenRepeat() throws Exception {
        String user = "{\"id\": 9001, \"title\": \"Ірина Мельник\", \"email\": \"Iryna.M@Example.com\", \"phone\": \"+38 (063) 555-66-77\","
                + " \"country\": \"Україна\", \"city\": \"Львів\", \"address\": \"вул. Городоцька 1\", \"registered\": \"2026-11-20 10:00:00\"}";
        JsonNode first = done("horoshop-registrations", REGISTRATIONS, user);
        // Horoshop sends the same registration again (a retry): its event id is the user's id.
        var retry = run.post(run.base() + "/v1/leads/horoshop-registrations", user, "Authorization", "Bearer " + REGISTRATIONS);
        assertEquals(200, retry.statusCode(), retry.body());
        assertEquals(first.path("id").asText(), SandboxRun.JSON.readTree(retry.body()).path("id").asText(), retry.body());
        JsonNode client = onlyClient("635556677");
        assertEquals("Ірина Мельник", client.path("person").asText());
        assertEquals("iryna.m@example.com", client.path("email").asText());
        assertTrue(SALES.contains(client.path("main_responsible_id").asLong()), client.toString());
        List<JsonNode> deals = of("agreements", "client_id", client.path("id").asLong());
        assertEquals(1, deals.size(), records().toString());
        assertEquals("Registration 9001 on the site", deals.get(0).path("title").asText());
        assertEquals("Львів, вул. Городоцька 1", deals.get(0).path("comment").asText().split("\n")[0]);

        // Her first order then finds her and her open deal: a task, no second contact or deal.
        done("horoshop-orders", ORDERS, order(1601, "063-555-66-77", "Ірина", null, 1));
        assertEquals(1, clientsWithNumber("635556677").size(), records().toString());
        assertEquals(1, of("agreements", "client_id", client.path("id").asLong()).size(), records().toString());
        assertEquals(1, of("tasks", "agreement_id", deals.get(0).path("id").asLong()).size(), records().toString());
    }

}

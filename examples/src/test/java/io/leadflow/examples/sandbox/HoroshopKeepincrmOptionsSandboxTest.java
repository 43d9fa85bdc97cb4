package io.leadflow.examples.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's options end to end (options.flow of {@code examples/horoshop-keepincrm} in
 * {@code serve --sandbox}): «never create a deal» with «update all fields», and «no task on a repeat
 * deal» with «update only empty fields» and its weighted manager list.
 */
class HoroshopKeepincrmOptionsSandboxTest extends HoroshopKeepincrmSandbox {
    // ---- options.flow ----

    @Test
    void neverCreate_aNewBuyerIsSkipped_andNothingIsCreated() throws Exception {
        JsonNode lead = run.finished(run.lead("horoshop-never-create", NEVER_CREATE, order(1701, "0675550001", "Новий", null, 1)));
        assertEquals("done", lead.path("status").asText(), lead.toPrettyString());
        assertTrue(lead.toString().contains("skipped: new buyer: this flow never creates deals"), "the registry says why: " + lead);
        assertEquals(0, clientsWithNumber("675550001").size(), records().toString());
    }

    @Test
    void neverCreate_updateAll_overwritesTheContactAndTheOpenDeal_andSetsATask() throws Exception {
        long[] ids = seedContactWithDeal("067 555 00 02", 101, "Олена", "open", 102);
        done("horoshop-never-create", NEVER_CREATE, order(1702, "+380675550002", "Олена Коваль", "olena@example.com", 1));
        JsonNode client = onlyClient("675550002");
        assertEquals("Олена Коваль", client.path("person").asText(), "update all overwrites the name: " + client);
        assertEquals("olena@example.com", client.path("email").asText());
        assertEquals("067 555 00 02", client.path("phones").get(0).asText(), "phone only if empty: the stored one stays: " + client);
        List<JsonNode> deals = of("agreements", "client_id", ids[0]);
        assertEquals(1, deals.size(), records().toString());
        assertEquals(1599, deals.get(0).path("total").asInt());
        assertEquals("Order 1702", deals.get(0).path("comment").asText());
        List<JsonNode> tasks = of("tasks", "agreement_id", ids[1]);
        assertEquals(1, tasks.size(), records().toString());
        assertEquals(102, tasks.get(0).path("main_responsible_id").asLong());
        assertEquals("Repeat order 1702", tasks.get(0).path("title").asText());
    }

    @Test
    void neverCreate_aBuyerWithoutAnOpenDeal_onlyHasTheContactUpdated() throws Exception {
        long[] ids = seedContactWithDeal("+380675550003", 101, "Олена", "cancelled", 102);
        done("horoshop-never-create", NEVER_CREATE, order(1703, "0675550003", "Олена К.", null, 1));
        assertEquals("Олена К.", onlyClient("675550003").path("person").asText());
        assertEquals(1, of("agreements", "client_id", ids[0]).size(), "no deal made: " + records());
        assertEquals(0, of("tasks", "client_id", ids[0]).size(), records().toString());
    }

    @Test
    void noTask_updateEmpty_fillsOnlyEmptyFields_andSetsNoTask() throws Exception {
        long[] ids = seedContactWithDeal("+380675550004", 101, "Олена", "open", 102);
        done("horoshop-no-task", NO_TASK, order(1801, "0675550004", "Олена Коваль", "olena4@example.com", 1)
                .replace("\"comment\": \"\"", "\"comment\": \"call first\""));
        JsonNode client = onlyClient("675550004");
        assertEquals("Олена", client.path("person").asText(), "update empty keeps the name: " + client);
        assertEquals("olena4@example.com", client.path("email").asText(), "and fills the empty email: " + client);
        List<JsonNode> deals = of("agreements", "client_id", ids[0]);
        assertEquals(1, deals.size(), records().toString());
        JsonNode deal = deals.get(0);
        assertEquals("Order 1", deal.path("title").asText(), "the title was not empty: " + deal);
        assertEquals(1599, deal.path("total").asInt(), "the total was empty: " + deal);
        assertEquals("call first", deal.path("comment").asText(), deal.toString());
        assertEquals(0, of("tasks", "client_id", ids[0]).size(), "no task on a repeat deal: " + records());
    }

    @Test
    void noTask_aKnownBuyerWithoutAnOpenDeal_getsADealForTheContactsManager() throws Exception {
        long contact = seedContact("+380675550005", 103, "Петро", null);
        done("horoshop-no-task", NO_TASK, order(1802, "0675550005", "Петро", null, 1));
        List<JsonNode> deals = of("agreements", "client_id", contact);
        assertEquals(1, deals.size(), records().toString());
        assertEquals(103, deals.get(0).path("main_responsible_id").asLong());
        assertEquals("Order 1802", deals.get(0).path("title").asText());
    }

    @Test
    void noTask_newBuyers_areSharedByTheWeightsOfShop() throws Exception {
        List<Long> managers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String nine = "67666000" + i;
            done("horoshop-no-task", NO_TASK, order(1900 + i, "0" + nine, "Buyer " + i, null, 1));
            JsonNode client = onlyClient(nine);
            assertEquals("+380" + nine, client.path("phones").get(0).asText(), "the new contact has the phone (defect 5): " + client);
            List<JsonNode> deals = of("agreements", "client_id", client.path("id").asLong());
            assertEquals(1, deals.size(), records().toString());
            managers.add(deals.get(0).path("main_responsible_id").asLong());
        }
        // weighted [101: 2, 102: 1]: over three leads, twice 101 and once 102.
        assertEquals(2, managers.stream().filter(m -> m == 101).count(), managers.toString());
        assertEquals(1, managers.stream().filter(m -> m == 102).count(), managers.toString());
    }
}

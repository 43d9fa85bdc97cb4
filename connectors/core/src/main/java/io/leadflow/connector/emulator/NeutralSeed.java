package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks the connector-neutral seed format (see {@link EmulatorServer}) so each emulator only says
 * how one contact and one deal are stored: contacts first, then deals with their contact's id,
 * answered as {@code {"contacts": {ref: id}, "deals": {ref: id}}}. A deal group other than
 * open / completed / cancelled, or a deal naming an unknown contact, is a bad request.
 */
public final class NeutralSeed {
    private NeutralSeed() { }

    /** Stores one seed contact; returns its new id. */
    @FunctionalInterface
    public interface ContactStore {
        long store(JsonObject contact);
    }

    /** Stores one seed deal of {@code group} (open, completed, cancelled) for the contact with id {@code contactId}; returns its id. */
    @FunctionalInterface
    public interface DealStore {
        long store(JsonObject deal, String group, long contactId);
    }

    public static JsonObject apply(JsonObject request, ContactStore contactStore, DealStore dealStore) {
        Map<String, Long> contactIds = new HashMap<>();
        JsonObject contacts = new JsonObject();
        for (Object o : request.getJsonArray("contacts", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            long id = contactStore.store(c);
            contactIds.put(c.getString("ref"), id);
            contacts.put(c.getString("ref"), String.valueOf(id));
        }
        JsonObject deals = new JsonObject();
        for (Object o : request.getJsonArray("deals", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            String group = d.getString("group", "open");
            if (!group.equals("open") && !group.equals("completed") && !group.equals("cancelled")) {
                throw new IllegalArgumentException("group must be open, completed or cancelled");
            }
            Long contact = contactIds.get(d.getString("contact"));
            if (contact == null) throw new IllegalArgumentException("deal " + d.getString("ref") + " names an unknown contact");
            deals.put(d.getString("ref"), String.valueOf(dealStore.store(d, group, contact)));
        }
        return new JsonObject().put("contacts", contacts).put("deals", deals);
    }

    /** A seed id ({@code "101"}) as a number, or null. */
    public static Long number(String v) {
        return v == null ? null : Long.parseLong(v);
    }

    /** A seed time (ISO-8601 instant), now when absent. */
    public static Instant instant(String iso) {
        return iso == null ? Instant.now() : Instant.parse(iso);
    }
}

package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import java.util.List;

/**
 * The CRM states a decision must be right for, built around what the lead's lookup asks for: no
 * contact; a contact without deals; with an open, a completed, a cancelled or a marked deal; with
 * an open and a closed deal; two contacts of the same person (the newer one wins); a contact
 * found only by the second key. In the JSON shape of {@link io.leadflow.dsl.scenario.CrmState#fromJson}, so a
 * counterexample prints as {@code crm} lines of a test block. Index 0 is the simplest.
 */
final class CrmStates {
    static final int COUNT = 9;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CrmStates() { }

    /** Variant {@code i} ({@code 0 ≤ i < COUNT}) for a lookup, or the empty CRM when the flow looks nothing up. */
    static ObjectNode of(int i, LookupRequest lookup, String marker) {
        ObjectNode crm = F.objectNode();
        if (lookup == null || lookup.keys().isEmpty() || i == 0) return crm;
        ArrayNode contacts = crm.putArray("contacts");
        ArrayNode deals = crm.putArray("deals");
        LookupKey first = lookup.keys().get(0);
        LookupKey key = i == 8 && lookup.keys().size() > 1 ? lookup.keys().get(1) : first;
        contacts.add(contact("7", key, "2025-01-02T10:00:00Z", "101"));
        switch (i) {
            case 2 -> deals.add(deal("9", "7", "open", false, marker));
            case 3 -> deals.add(deal("9", "7", "completed", false, marker));
            case 4 -> deals.add(deal("9", "7", "cancelled", false, marker));
            case 5 -> deals.add(deal("9", "7", "open", true, marker));
            case 6 -> {
                deals.add(deal("9", "7", "completed", false, marker));
                deals.add(deal("10", "7", "open", false, marker));
            }
            case 7 -> {
                contacts.add(contact("8", first, "2025-03-02T10:00:00Z", "102"));
                deals.add(deal("9", "7", "open", false, marker));
                deals.add(deal("11", "8", "open", false, marker));
            }
            default -> { }
        }
        return crm;
    }

    private static ObjectNode contact(String id, LookupKey key, String created, String manager) {
        ObjectNode c = F.objectNode().put("id", id);
        c.put(key.kind() == LookupKey.Kind.PHONE ? "phone" : "email", key.value());
        return c.put("manager", manager).put("created_at", created);
    }

    private static ObjectNode deal(String id, String contact, String group, boolean marked, String marker) {
        ObjectNode d = F.objectNode().put("id", id).put("contact", contact).put("manager", "102").put("group", group)
                .put("created_at", "2025-01-03T10:00:00Z");
        if (marked) {
            if (marker != null) d.put(marker, "1");
            else d.put("marked", true);
        }
        return d;
    }

    /** The names a property's {@code crm …} statement uses, by index. */
    static final List<String> NAMES = List.of("no_contact", "contact", "open_deal", "completed_deal", "cancelled_deal", "marked_deal",
            "open_and_closed_deals", "two_contacts", "second_key");

    /** @throws IllegalArgumentException for an unknown name, with the names there are */
    static List<Integer> named(List<String> names, io.leadflow.dsl.SourceSpan at) {
        List<Integer> out = new java.util.ArrayList<>();
        for (String n : names) {
            int i = NAMES.indexOf(n);
            if (i < 0) {
                String near = io.leadflow.dsl.diag.Suggest.closest(n, NAMES).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new IllegalArgumentException(at.at() + ": unknown CRM state '" + n + "'" + near + " (states: " + String.join(", ", NAMES) + ")");
            }
            if (!out.contains(i)) out.add(i);
        }
        java.util.Collections.sort(out);
        return List.copyOf(out);
    }
}

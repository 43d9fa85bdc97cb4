package io.leadflow.connector.keepincrm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundContact;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.leadflow.spi.record.Newest;
import io.leadflow.spi.record.StatusGroup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code find} for KeepinCRM: one client search with every key OR-ed
 * ({@code q[m]=or&q[phones_number_cont]=<last 9 digits>&q[email_eq]=<email>} — Ransack syntax,
 * unconfirmed [U]), then the chosen client's agreements ({@code q[client_id_eq]}, also [U]).
 *
 * <p>Nothing that comes back is trusted: Ransack-style APIs ignore conditions they do not know,
 * so a real account may answer every client or every agreement. Each client is re-checked here
 * (a phone must be the same number by libphonenumber, an email equal ignoring case, as KeepinCRM
 * shows them), each agreement must carry the chosen client's {@code client_id}, and a search
 * whose answer has more pages than are read (10 × 20) is refused with a
 * {@link PermanentException} instead of being read as "not found" or "these are all the deals".
 * The first key with a match decides; among its matches the newest wins.
 */
final class KeepinCrmLookup {
    private final KeepinCrmApi api;
    private final KeepinCrmStages stages;

    KeepinCrmLookup(KeepinCrmApi api, KeepinCrmStages stages) {
        this.api = api;
        this.stages = stages;
    }

    Future<Found> find(LookupRequest request, CallCount count) {
        if (request.keys().isEmpty()) return Future.succeededFuture(Found.NOTHING);
        return api.listing("/clients?" + query(request.keys()), count).compose(listing -> {
            complete(listing, "client search " + query(request.keys()));
            Optional<FoundContact> contact = choose(request.keys(), listing.items());
            if (contact.isEmpty() || !request.withDeals()) return Future.succeededFuture(new Found(contact, List.of()));
            return deals(contact.get().id(), request.marker(), count).map(deals -> new Found(contact, deals));
        });
    }

    static String query(List<LookupKey> keys) {
        Map<String, String> q = new LinkedHashMap<>();
        if (keys.size() > 1) q.put("q[m]", "or");
        for (LookupKey k : keys) {
            if (k.kind() == LookupKey.Kind.PHONE) q.put("q[phones_number_cont]", PhoneVariants.lastDigits(k.value(), 9));
            else q.put("q[email_eq]", k.value().toLowerCase(Locale.ROOT));
        }
        return CrmRequest.formEncode(q);
    }

    private static Optional<FoundContact> choose(List<LookupKey> keys, JsonArray clients) {
        for (LookupKey key : keys) {
            List<FoundContact> matches = new ArrayList<>();
            for (Object o : clients) {
                JsonObject c = (JsonObject) o;
                if (matches(key, c)) matches.add(contact(c));
            }
            if (!matches.isEmpty()) return Newest.contact(matches);
        }
        return Optional.empty();
    }

    private static boolean matches(LookupKey key, JsonObject client) {
        if (key.kind() == LookupKey.Kind.EMAIL) return key.value().equalsIgnoreCase(client.getString("email", ""));
        for (Object phone : client.getJsonArray("phones", new JsonArray())) {
            if (PhoneVariants.sameNumber(String.valueOf(phone), key.value())) return true;
        }
        return false;
    }

    private Future<List<FoundDeal>> deals(String clientId, String marker, CallCount count) {
        String query = CrmRequest.formEncode(Map.of("q[client_id_eq]", clientId));
        return stages.groups(count).compose(groups -> api.listing("/agreements?" + query, count)
                .map(listing -> {
                    complete(listing, "agreement search " + query);
                    List<FoundDeal> out = new ArrayList<>();
                    for (Object o : listing.items()) {
                        JsonObject a = (JsonObject) o;
                        if (!clientId.equals(text(a.getValue("client_id")))) continue; // the filter may be ignored [U]
                        if (a.getValue("stage_id") != null && !groups.containsKey(String.valueOf(a.getValue("stage_id")))) stages.forget();
                        out.add(deal(a, groups, marker));
                    }
                    return out;
                }));
    }

    /** Refuses an answer with pages left unread: what they hold could change the answer. */
    static void complete(KeepinCrmApi.Listing listing, String what) {
        if (!listing.complete()) {
            throw new PermanentException("KeepinCRM answered the " + what + " with more than " + listing.items().size()
                    + " records, more than are read; its filter syntax is unconfirmed and may have been ignored,"
                    + " so the answer cannot be checked and is refused rather than guessed", null, 0);
        }
    }

    static FoundContact contact(JsonObject c) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        putText(f, "name", c.getValue("person"));
        JsonArray phones = c.getJsonArray("phones", new JsonArray());
        if (!phones.isEmpty()) putText(f, "phone", phones.getValue(0));
        putText(f, "email", c.getValue("email"));
        putText(f, "company", c.getValue("company"));
        return new FoundContact(String.valueOf(c.getValue("id")), instant(c.getString("created_at")), text(c.getValue("main_responsible_id")), f);
    }

    static FoundDeal deal(JsonObject a, Map<String, StatusGroup> groups, String marker) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        for (String name : List.of("title", "comment", "total", "currency", "stage_id", "funnel_id", "source_id")) putText(f, name, a.getValue(name));
        boolean marked = false;
        String markerName = marker == null ? null : "field_" + KeepinCrmSchema.AGREEMENT.customFieldId(marker).orElse(marker);
        for (Object o : a.getJsonArray("custom_fields", new JsonArray())) {
            JsonObject cf = (JsonObject) o;
            String name = cf.getString("name", "");
            Object value = cf.getValue("value");
            if (name.startsWith("field_")) putText(f, "deal_cf_" + name.substring("field_".length()), value);
            if (name.equals(markerName) && value != null && !String.valueOf(value).isBlank()) marked = true;
        }
        String stage = text(a.getValue("stage_id"));
        StatusGroup group = stage == null ? StatusGroup.OPEN : groups.getOrDefault(stage, StatusGroup.OPEN);
        return new FoundDeal(String.valueOf(a.getValue("id")), text(a.getValue("client_id")), instant(a.getString("created_at")),
                text(a.getValue("main_responsible_id")), stage, group, marked, f);
    }

    private static void putText(ObjectNode f, String name, Object v) {
        if (v != null) f.put(name, String.valueOf(v));
    }

    private static String text(Object v) {
        return v == null ? null : String.valueOf(v);
    }

    private static Instant instant(String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

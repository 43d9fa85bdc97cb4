package io.leadflow.connector.keycrm;

import io.leadflow.connector.KeyedLookup;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.FoundDeal;
import io.leadflow.spi.record.LookupKey;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code find}: buyers by phone ({@code GET /buyer?filter[buyer_phone]=<variants>}) or email, the
 * first key that matches decides, newest by {@code created_at}; then that buyer's orders
 * ({@code GET /order?filter[buyer_phone]=…&sort=-id}, the newest 50), kept where {@code client_id}
 * is the buyer. KeyCRM has no order filter by buyer id [C, absence], hence the phone/email filter
 * plus the client-side check. Matches are re-checked client-side because whether KeyCRM
 * normalises or partially matches phones is [U].
 */
final class KeycrmLookup {
    private static final String BUYER_INCLUDE = "&include=custom_fields&limit=50";
    private static final String ORDER_INCLUDE = "&sort=-id&include=custom_fields,marketing,shipping&limit=50";

    private final KeycrmClient client;
    private final RecentBuyers recent;

    KeycrmLookup(KeycrmClient client, RecentBuyers recent) {
        this.client = client;
        this.recent = recent;
    }

    Future<Found> find(LookupRequest request, CallCount count) {
        return KeyedLookup.find(request,
                key -> buyers(key, count).map(matches -> {
                    matches.forEach(recent::remember);
                    return matches.stream().map(KeycrmRecords::contact).toList();
                }),
                (key, contact) -> orders(key, contact.id(), request.marker(), count));
    }

    /** Buyers matching one key, re-checked client-side. */
    Future<List<JsonObject>> buyers(LookupKey key, CallCount count) {
        return client.get("/buyer?" + filterFor(key) + BUYER_INCLUDE, count).map(page -> {
            List<JsonObject> out = new ArrayList<>();
            for (Object o : KeycrmClient.data(page)) {
                JsonObject b = (JsonObject) o;
                if (matches(b, key)) out.add(b);
            }
            return out;
        });
    }

    private Future<List<FoundDeal>> orders(LookupKey key, String buyerId, String marker, CallCount count) {
        return client.get("/order?" + filterFor(key) + ORDER_INCLUDE, count).map(page -> {
            List<FoundDeal> out = new ArrayList<>();
            for (Object o : KeycrmClient.data(page)) {
                JsonObject order = (JsonObject) o;
                if (buyerId.equals(String.valueOf(order.getValue("client_id")))) out.add(KeycrmRecords.deal(order, marker));
            }
            return out;
        });
    }

    private static String filterFor(LookupKey key) {
        if (key.kind() == LookupKey.Kind.EMAIL) return KeycrmClient.filter("buyer_email", List.of(key.value()));
        List<String> variants = PhoneVariants.of(key.value());
        return KeycrmClient.filter("buyer_phone", variants.isEmpty() ? List.of(key.value()) : variants);
    }

    static boolean matches(JsonObject buyer, LookupKey key) {
        JsonArray values = buyer.getJsonArray(key.kind() == LookupKey.Kind.EMAIL ? "email" : "phone", new JsonArray());
        for (Object v : values) {
            if (v == null) continue;
            String stored = String.valueOf(v);
            if (key.kind() == LookupKey.Kind.EMAIL ? stored.trim().equalsIgnoreCase(key.value())
                    : PhoneVariants.sameNumber(stored, key.value())
                    || PhoneVariants.digits(stored).equals(PhoneVariants.digits(key.value()))) {
                return true;
            }
        }
        return false;
    }
}

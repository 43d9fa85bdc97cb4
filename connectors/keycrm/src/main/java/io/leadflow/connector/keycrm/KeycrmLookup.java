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
 * first key that matches decides, newest by {@code created_at}; then that buyer's deals. Orders:
 * {@code GET /order?filter[buyer_phone]=…&sort=-id&include=buyer,…} (the newest 50), kept where
 * {@code buyer.id} is the buyer — the published order has no {@code client_id}; the link is the
 * {@code buyer} include [C, OpenAPI 1.2.0 OrderWithIncludes]. KeyCRM has no order filter by buyer
 * id [C, absence], hence the phone/email filter plus the client-side check. Funnel cards:
 * {@link KeycrmCards#ofBuyer}. Buyers are re-checked client-side because whether KeyCRM
 * normalises or partially matches phones is [U].
 */
final class KeycrmLookup {
    private static final String BUYER_INCLUDE = "&include=custom_fields&limit=50";
    private static final String ORDER_INCLUDE = "&sort=-id&include=buyer,custom_fields,marketing,shipping&limit=50";

    private final KeycrmClient client;
    private final RecentBuyers recent;
    private KeycrmCards cards;

    KeycrmLookup(KeycrmClient client, RecentBuyers recent) {
        this.client = client;
        this.recent = recent;
    }

    /** In funnel mode, deals are the buyer's cards (set once, before the first call). */
    void dealsAreCards(KeycrmCards cards) {
        this.cards = cards;
    }

    Future<Found> find(LookupRequest request, CallCount count) {
        return KeyedLookup.find(request,
                key -> buyers(key, count).map(matches -> {
                    matches.forEach(recent::remember);
                    return matches.stream().map(KeycrmRecords::contact).toList();
                }),
                (key, contact) -> cards != null ? cards.ofBuyer(contact.id(), request.marker(), count)
                        : orders(key, contact.id(), request.marker(), count));
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
                if (o instanceof JsonObject order && buyerId.equals(KeycrmRecords.buyerId(order))) out.add(KeycrmRecords.deal(order, marker));
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

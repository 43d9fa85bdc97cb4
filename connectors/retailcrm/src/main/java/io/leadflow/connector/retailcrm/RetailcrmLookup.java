package io.leadflow.connector.retailcrm;

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
import java.util.Locale;

/**
 * {@code find} (seed 002 / L4): customers by phone, else by email; several → newest by
 * {@code createdAt}; then the customer's orders ({@code filter[customerId]}), whose newest is
 * picked client-side because the API's default sort is [U]. Phones are searched with
 * {@code filter[name]} (name and phone [P]) and the number's last 9 digits — one call that
 * matches every stored format ({@code +380…}, {@code 380…}, {@code 0…}, spaced or bracketed) as a
 * substring — and every hit is re-checked client-side as the same number; emails are re-checked
 * for equality because the API's match may be partial [C].
 */
final class RetailcrmLookup {
    private static final int MAX_ORDER_PAGES = 5;
    private final RetailcrmClient client;
    private final RetailcrmReference reference;

    RetailcrmLookup(RetailcrmClient client, RetailcrmReference reference) {
        this.client = client;
        this.reference = reference;
    }

    Future<Found> find(LookupRequest request, CallCount count) {
        return KeyedLookup.find(request,
                key -> customers(key, count).map(matches -> matches.stream().map(RetailcrmRecords::contact).toList()),
                (key, contact) -> orders(contact.id(), 1, new ArrayList<>(), count)
                        .compose(orders -> deals(orders, request.marker(), count)));
    }

    Future<List<JsonObject>> customers(LookupKey key, CallCount count) {
        String filter = key.kind() == LookupKey.Kind.EMAIL
                ? RetailcrmClient.param("filter[email]", key.value())
                : RetailcrmClient.param("filter[name]", PhoneVariants.lastDigits(key.value(), 9));
        return client.get("/customers?" + filter + "&limit=100", count).map(answer -> {
            List<JsonObject> out = new ArrayList<>();
            for (Object o : answer.getJsonArray("customers", new JsonArray())) {
                if (matches((JsonObject) o, key)) out.add((JsonObject) o);
            }
            return out;
        });
    }

    static boolean matches(JsonObject customer, LookupKey key) {
        if (key.kind() == LookupKey.Kind.EMAIL) {
            String email = customer.getString("email");
            return email != null && email.trim().toLowerCase(Locale.ROOT).equals(key.value().toLowerCase(Locale.ROOT));
        }
        for (Object p : customer.getJsonArray("phones", new JsonArray())) {
            if (p instanceof JsonObject phone && phone.getValue("number") != null
                    && PhoneVariants.sameNumber(String.valueOf(phone.getValue("number")), key.value())) {
                return true;
            }
        }
        return false;
    }

    private Future<List<JsonObject>> orders(String customerId, int page, List<JsonObject> into, CallCount count) {
        String uri = "/orders?" + RetailcrmClient.param("filter[customerId]", customerId) + "&limit=100&page=" + page;
        return client.get(uri, count).compose(answer -> {
            for (Object o : answer.getJsonArray("orders", new JsonArray())) into.add((JsonObject) o);
            int pages = answer.getJsonObject("pagination", new JsonObject()).getInteger("totalPageCount", 1);
            return page < pages && page < MAX_ORDER_PAGES ? orders(customerId, page + 1, into, count) : Future.succeededFuture(into);
        });
    }

    private Future<List<FoundDeal>> deals(List<JsonObject> orders, String marker, CallCount count) {
        List<Future<FoundDeal>> out = new ArrayList<>();
        for (JsonObject order : orders) {
            Object status = order.getValue("status");
            out.add(reference.group(status == null ? null : String.valueOf(status), count)
                    .map(group -> RetailcrmRecords.deal(order, group, marker)));
        }
        return Future.all(out).map(all -> all.<FoundDeal>list());
    }
}

package io.leadflow.connector.retailcrm;

import io.leadflow.connector.KeyedLookup;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.phone.PhoneVariants;
import io.leadflow.spi.error.PermanentException;
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
 * picked client-side because the API's default sort is [U].
 *
 * <p>Phones are searched the way RetailCRM's own CMS modules search them: {@code filter[name]}
 * with the whole number (their {@code customersList(['name' => $phone], 1, 100)}) [P], first in
 * international form ({@code +380671234567}), then, when that finds no one, as dialled at home
 * ({@code 0671234567}) — how RetailCRM matches a phone (digits, fragment, format) is [U], and a
 * number stored in national form may not match the international one. Every result page is
 * read (100 a page, at most 5 pages: more is refused rather than guessed) and every hit is
 * re-checked client-side as the same number (libphonenumber); emails are re-checked for
 * equality, ignoring case, because the API's match may be partial [C].
 */
final class RetailcrmLookup {
    private static final int MAX_ORDER_PAGES = 5;
    private static final int MAX_SEARCH_PAGES = 5;
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
        if (key.kind() == LookupKey.Kind.EMAIL) return search(RetailcrmClient.param("filter[email]", key.value()), key, count);
        List<String> queries = new ArrayList<>();
        queries.add(key.value());
        PhoneVariants.national(key.value()).ifPresent(queries::add);
        return byPhone(queries, 0, key, count);
    }

    private Future<List<JsonObject>> byPhone(List<String> queries, int index, LookupKey key, CallCount count) {
        return search(RetailcrmClient.param("filter[name]", queries.get(index)), key, count).compose(found ->
                !found.isEmpty() || index + 1 >= queries.size() ? Future.succeededFuture(found) : byPhone(queries, index + 1, key, count));
    }

    /** Every page of one search (at most {@link #MAX_SEARCH_PAGES}), keeping the customers that truly match the key. */
    private Future<List<JsonObject>> search(String filter, LookupKey key, CallCount count) {
        return searchPage(filter, 1, key, new ArrayList<>(), count);
    }

    private Future<List<JsonObject>> searchPage(String filter, int page, LookupKey key, List<JsonObject> into, CallCount count) {
        return client.get("/customers?" + filter + "&limit=100&page=" + page, count).compose(answer -> {
            for (Object o : answer.getJsonArray("customers", new JsonArray())) {
                if (o instanceof JsonObject c && matches(c, key)) into.add(c);
            }
            int pages = answer.getJsonObject("pagination", new JsonObject()).getInteger("totalPageCount", 1);
            if (page >= pages) return Future.succeededFuture(into);
            if (page >= MAX_SEARCH_PAGES) {
                return Future.failedFuture(new PermanentException("RetailCRM's customer search " + filter + " answered more than "
                        + page + " pages of 100; how it matches is unconfirmed, so the answer is refused rather than guessed", null, 0));
            }
            return searchPage(filter, page + 1, key, into, count);
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

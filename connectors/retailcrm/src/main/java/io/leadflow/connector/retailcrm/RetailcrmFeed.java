package io.leadflow.connector.retailcrm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One RetailCRM change feed read from a durable cursor (crm-apis section 1): {@code GET
 * /orders/history} or {@code /customers/history} with {@code filter[sinceId]=<last id read>},
 * {@code limit=100}, page 1, so every read starts after what was stored and no page number can
 * shift under it. The first read (no cursor) starts at the account setting {@code since}
 * ({@code YYYY-MM-DD}, sent as {@code filter[startDate]=<date> 00:00:00}), else at the feed's
 * beginning. The cursor is the last entry id read ({@code "12345"}); entries are taken in id order
 * and an answer whose ids do not grow past the cursor is refused, not stored [P: ascending ids
 * read from RetailCRM's own shop modules, which take the last entry's id as the next sinceId].
 * {@code more} is true when the answer says further pages exist.
 * <p>Settings (put there by the runtime from the flow's {@code from}): {@code feed}
 * ({@code orders_history} or {@code customers_history}), {@code since}; account setting
 * {@code page_limit} (20, 50 or 100 [C]; default 100).
 * <p>{@code whole_order} ({@code true}; orders only, from the flow's {@code whole_order: true}):
 * each entry's partial {@code order} is replaced by the whole order as {@code GET /orders/{id}?by=id}
 * [C] answers it when the page is read: one call per distinct order of the page, through the
 * account's rate limit, before the page is stored (a kill meanwhile stores nothing, the page is
 * read again). It is the order's state at read time, not at the change (a backfill sees today's
 * order behind an old entry). An order the API no longer has (404) leaves its entries as they came.
 * <p>{@code whole_customer} ({@code true}; customers only, from {@code whole_customer: true}): the
 * same for {@code customers_history}: each entry's {@code customer} (on an edit only {@code id},
 * {@code externalId}, {@code site} [C: api-client-php CustomersTest history fixture]) is replaced by
 * {@code GET /customers/{id}?by=id&site=…}, answered {@code {success, customer}} [C: CustomersTest::testCustomersGet];
 * a 404 (a customer deleted or merged away) leaves the entry as it came.
 */
final class RetailcrmFeed {
    static final int LIMIT = 100;
    private final RetailcrmClient client;
    private final int limit;
    private final String path;
    private final String key;
    private final String since;
    /** {@code order} or {@code customer}: the entity each entry of the feed carries. */
    private final String entity;
    private final boolean whole;

    RetailcrmFeed(RetailcrmClient client, AccountConfig account) {
        this.client = client;
        String feed = account.setting("feed", "orders_history");
        switch (feed) {
            case "orders_history" -> { path = "/orders/history"; key = "history"; }
            case "customers_history" -> { path = "/customers/history"; key = "history"; }
            default -> throw new IllegalArgumentException("retailcrm account '" + account.account() + "': feed must be orders_history or "
                    + "customers_history, not '" + feed + "'");
        }
        String s = account.setting("since", null);
        if (s != null) {
            try {
                LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("retailcrm account '" + account.account() + "': since must be a date YYYY-MM-DD, not '" + s + "'");
            }
        }
        this.since = s == null ? null : s.trim();
        String l = account.setting("page_limit", Integer.toString(LIMIT)).trim();
        if (!java.util.List.of("20", "50", "100").contains(l)) {
            throw new IllegalArgumentException("retailcrm account '" + account.account() + "': page_limit must be 20, 50 or 100 "
                    + "(the limits the API takes), not '" + l + "'");
        }
        this.limit = Integer.parseInt(l);
        this.entity = feed.equals("orders_history") ? "order" : "customer";
        boolean wo = flag(account, "whole_order");
        boolean wc = flag(account, "whole_customer");
        if (wo && !entity.equals("order")) {
            throw new IllegalArgumentException("retailcrm account '" + account.account() + "': whole_order is for orders_history only");
        }
        if (wc && !entity.equals("customer")) {
            throw new IllegalArgumentException("retailcrm account '" + account.account() + "': whole_customer is for customers_history only");
        }
        this.whole = wo || wc;
    }

    private static boolean flag(AccountConfig account, String name) {
        String w = account.setting(name, "false").trim();
        if (!w.equals("true") && !w.equals("false")) {
            throw new IllegalArgumentException("retailcrm account '" + account.account() + "': " + name + " must be true or false, not '" + w + "'");
        }
        return w.equals("true");
    }

    Future<PullBatch> read(String cursor, CallCount count) {
        long after;
        try {
            after = cursor == null ? 0 : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            return Future.failedFuture(new PermanentException("RetailCRM feed cursor '" + cursor + "' is not an entry id", null, 0));
        }
        StringBuilder uri = new StringBuilder(path).append("?limit=").append(limit);
        if (cursor != null) uri.append('&').append(RetailcrmClient.param("filter[sinceId]", cursor));
        else if (since != null) uri.append('&').append(RetailcrmClient.param("filter[startDate]", since + " 00:00:00"));
        return client.get(uri.toString(), count).compose(body -> {
            JsonArray entries = body.getJsonArray(key);
            if (!body.getBoolean("success", false) || entries == null) {
                return Future.failedFuture(new PermanentException("RetailCRM answered " + path + " without a history list", null, 200));
            }
            List<ObjectNode> records = new ArrayList<>();
            long last = after;
            for (Object o : entries) {
                if (!(o instanceof JsonObject e) || !(e.getValue("id") instanceof Number n) || n.longValue() <= last) {
                    return Future.failedFuture(new PermanentException("RetailCRM's " + path + " answered an entry out of order or without "
                            + "an id after " + last + "; nothing of this page is taken", null, 200));
                }
                last = n.longValue();
                records.add(node(e));
            }
            JsonObject p = body.getJsonObject("pagination", new JsonObject());
            boolean more = !records.isEmpty() && p.getInteger("totalPageCount", 1) > p.getInteger("currentPage", 1);
            String next = records.isEmpty() && cursor == null ? "0" : Long.toString(last);
            Future<List<ObjectNode>> taken = whole ? withWholeRecords(records, count) : Future.succeededFuture(records);
            return taken.map(r -> new PullBatch(r, next, more));
        });
    }

    /**
     * The entries with their {@code order} (or {@code customer}) replaced by the whole record:
     * {@code GET /orders/{id}} or {@code /customers/{id}}, {@code by=id}, the entry's {@code site},
     * answered {@code {success, order|customer}} [C]; one GET per distinct id, in page order.
     */
    private Future<List<ObjectNode>> withWholeRecords(List<ObjectNode> entries, CallCount count) {
        java.util.Map<String, ObjectNode> records = new java.util.LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (ObjectNode e : entries) {
            String id = e.path(entity).path("id").asText("");
            if (id.isEmpty() || records.containsKey(id)) continue;
            records.put(id, null);
            String site = e.path(entity).path("site").asText(client.site() == null ? "" : client.site());
            String uri = "/" + entity + "s/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "?" + RetailcrmClient.param("by", "id")
                    + (site.isEmpty() ? "" : "&" + RetailcrmClient.param("site", site));
            chain = chain.compose(v -> client.get(uri, count)
                    .map(body -> body.getValue(entity) instanceof JsonObject o ? node(o) : null)
                    .recover(err -> err instanceof PermanentException pe && pe.status() == 404
                            ? Future.succeededFuture(null) : Future.failedFuture(err))
                    .map(whole -> {
                        records.put(id, whole);
                        return (Void) null;
                    }));
        }
        return chain.map(v -> {
            for (ObjectNode e : entries) {
                ObjectNode record = records.get(e.path(entity).path("id").asText(""));
                if (record != null) e.set(entity, record.deepCopy());
            }
            return entries;
        });
    }

    private static ObjectNode node(JsonObject o) {
        try {
            return (ObjectNode) DatabindCodec.mapper().readTree(o.encode());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON object that does not read back", e);
        }
    }
}

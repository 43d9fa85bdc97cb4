package io.leadflow.connector.keycrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.refdata.RefCache;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The account's order statuses ({@code GET /order/status}, all pages, cached). A new order's
 * status is set by a second call, after the order exists; checking the mapped {@code status_id}
 * first means a wrong status is refused before anything is created rather than leaving an order
 * behind in the first status.
 */
final class KeycrmStatuses {
    private static final int MAX_PAGES = 20;
    private final BiFunction<String, CallCount, Future<JsonObject>> get;
    private final RefCache<String, Set<Long>> ids;

    /** @param get a KeyCRM GET (uri, count) answering a page object */
    KeycrmStatuses(BiFunction<String, CallCount, Future<JsonObject>> get) {
        this.get = get;
        this.ids = RefCache.of(k -> load(1, new HashSet<>(), new CallCount()));
    }

    /** Succeeds when {@code statusId} is null or one of the account's statuses. */
    Future<Void> check(Object statusId, CallCount count) {
        if (statusId == null) return Future.succeededFuture();
        long id = ((Number) statusId).longValue();
        return ids.get("all", k -> load(1, new HashSet<>(), count)).compose(known -> known.contains(id) ? Future.succeededFuture()
                : Future.failedFuture(new PermanentException("status_id " + id + " is not an order status of this KeyCRM account",
                        "status_id", 0)));
    }

    /** The account's order status ids (cached). */
    Future<Set<Long>> ids(CallCount count) {
        return ids.get("all", k -> load(1, new HashSet<>(), count));
    }

    private Future<Set<Long>> load(int page, Set<Long> into, CallCount count) {
        return get.apply("/order/status?limit=50&page=" + page, count).compose(answer -> {
            JsonArray data = KeycrmClient.data(answer);
            for (Object o : data) into.add(((JsonObject) o).getLong("id"));
            boolean more = answer.getValue("next_page_url") != null && !data.isEmpty();
            return more && page < MAX_PAGES ? load(page + 1, into, count) : Future.succeededFuture(into);
        });
    }
}

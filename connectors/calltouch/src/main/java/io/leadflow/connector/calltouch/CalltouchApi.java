package io.leadflow.connector.calltouch;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Calltouch calls Leadflow makes (crm-apis.md §7). Journals: {@code clientApiId} in the query
 * [C]; the calls and deals journals under {@code /calls-service/RestAPI/{siteId}/…} with
 * {@code dateFrom/dateTo} as {@code dd/mm/yyyy} [C], read with {@code page} + {@code limit} [P]
 * (a paged answer is {@code {records: […]}}, an unpaged one a bare array [P]: both are read, and a
 * bare array is taken as the whole window, so a journal that ignores paging cannot loop); the
 * requests journal at {@code /calls-service/RestAPI/requests?siteId=…} with month-first dates, a bare
 * array [C/P]. Deals API 2.0: {@code POST /lead-service/v1/api/client-order/create|update} with
 * headers {@code Access-Token} and {@code SiteId}, JSON [C].
 */
final class CalltouchApi {
    static final int PAGE = 1000;
    /** At most this many pages of one journal window (a guard against a journal that repeats pages). */
    static final int MAX_PAGES = 50;

    private final CrmHttp http;
    private final String accessToken;
    private final String clientApiId;
    private final String siteId;

    CalltouchApi(CrmHttp http, String accessToken, String clientApiId, String siteId) {
        this.http = http;
        this.accessToken = accessToken;
        this.clientApiId = clientApiId;
        this.siteId = siteId;
    }

    /** Every call of the window (inclusive days). */
    Future<List<JsonObject>> calls(LocalDate from, LocalDate to, CallCount count) {
        return paged("/calls-service/RestAPI/" + q(siteId) + "/calls-diary/calls?clientApiId=" + q(clientApiId)
                + "&dateFrom=" + q(CalltouchDates.DAY_FIRST.format(from)) + "&dateTo=" + q(CalltouchDates.DAY_FIRST.format(to)), count);
    }

    /** Every deal of the window, from the deals journal. */
    Future<List<JsonObject>> deals(LocalDate from, LocalDate to, CallCount count) {
        return paged("/calls-service/RestAPI/" + q(siteId) + "/orders-diary/orders?clientApiId=" + q(clientApiId)
                + "&dateFrom=" + q(CalltouchDates.DAY_FIRST.format(from)) + "&dateTo=" + q(CalltouchDates.DAY_FIRST.format(to)), count);
    }

    /** Every request (form, chat) of the window: month-first dates, one bare array. */
    Future<List<JsonObject>> requests(LocalDate from, LocalDate to, CallCount count) {
        String uri = "/calls-service/RestAPI/requests?clientApiId=" + q(clientApiId) + "&siteId=" + q(siteId)
                + "&dateFrom=" + q(CalltouchDates.MONTH_FIRST.format(from)) + "&dateTo=" + q(CalltouchDates.MONTH_FIRST.format(to));
        return http.send(CrmRequest.get(uri), count).map(r -> records(r, "requests journal").list());
    }

    Future<CrmResponse> create(JsonObject body, CallCount count) {
        return http.send(deals(CrmRequest.json(HttpMethod.POST, "/lead-service/v1/api/client-order/create", body, true)), count);
    }

    Future<CrmResponse> update(JsonObject body, CallCount count) {
        return http.send(deals(CrmRequest.json(HttpMethod.POST, "/lead-service/v1/api/client-order/update", body, true)), count);
    }

    Future<Void> close() {
        return http.close();
    }

    private CrmRequest deals(CrmRequest request) {
        return request.header("Access-Token", accessToken).header("SiteId", siteId);
    }

    private Future<List<JsonObject>> paged(String uri, CallCount count) {
        List<JsonObject> all = new ArrayList<>();
        return page(uri, 1, all, count).map(v -> all);
    }

    private Future<Void> page(String uri, int page, List<JsonObject> all, CallCount count) {
        return http.send(CrmRequest.get(uri + "&page=" + page + "&limit=" + PAGE), count).compose(r -> {
            Records got = records(r, "journal " + uri.substring(0, uri.indexOf('?')));
            all.addAll(got.list());
            if (!got.paged() || got.list().size() < PAGE) return Future.succeededFuture();
            if (page >= MAX_PAGES) {
                return Future.failedFuture(new PermanentException("Calltouch journal still has records after " + MAX_PAGES
                        + " pages of " + PAGE + " for one window; refusing rather than reading without end", null, r.status()));
            }
            return page(uri, page + 1, all, count);
        });
    }

    private record Records(List<JsonObject> list, boolean paged) { }

    private static Records records(CrmResponse r, String what) {
        Object body = r.json();
        JsonArray items;
        boolean paged;
        if (body instanceof JsonArray a) {
            items = a;
            paged = false;
        } else if (body instanceof JsonObject o && o.getValue("records") instanceof JsonArray a) {
            items = a;
            paged = true;
        } else {
            throw new PermanentException("Calltouch answered the " + what + " with neither a JSON array nor {records: […]}: "
                    + r.text(120), null, r.status());
        }
        List<JsonObject> out = new ArrayList<>();
        for (Object o : items) if (o instanceof JsonObject j) out.add(j);
        return new Records(out, paged);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

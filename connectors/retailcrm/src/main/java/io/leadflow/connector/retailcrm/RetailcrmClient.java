package io.leadflow.connector.retailcrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RetailCRM calls with the account's {@code X-API-KEY}: GETs with bracket filters in the query,
 * POSTs form-encoded with the entity as a JSON string in one field [C]. Over the limit RetailCRM
 * answers 503 without a documented {@code Retry-After} [U]; such an answer (or a 429 without one) is given a 1 s wait
 * (one window of the 10 req/s limit) and pauses the account's bucket for it, as the official Go
 * client waits before retrying.
 */
final class RetailcrmClient {
    static final Duration OVER_LIMIT_WAIT = Duration.ofSeconds(1);
    private final CrmHttp http;
    private final String apiKey;
    private final String site;

    /** The account's store code, or null when the account names none. */
    String site() {
        return site;
    }

    RetailcrmClient(CrmHttp http, String apiKey, String site) {
        this.http = http;
        this.apiKey = apiKey;
        this.site = site;
    }

    Future<JsonObject> get(String uri, CallCount count) {
        CrmRequest r = CrmRequest.get(uri).header("X-API-KEY", apiKey).header("Accept", "application/json");
        return http.send(r, count).recover(this::overLimit).compose(resp -> {
            JsonObject body = resp.jsonObject();
            return body == null ? Future.failedFuture(new PermanentException("RetailCRM answered " + path(uri)
                    + " with a body that is not JSON", null, resp.status())) : Future.succeededFuture(body);
        });
    }

    /**
     * A write: {@code <entityField>=<JSON>} plus {@code site} (when the account names one) and
     * {@code by} (when given); the answer must carry the record's {@code id}.
     */
    Future<String> post(String uri, String entityField, JsonObject entity, String by, CallCount count) {
        Map<String, String> form = new LinkedHashMap<>();
        if (site != null) form.put("site", site);
        if (by != null) form.put("by", by);
        form.put(entityField, entity.encode());
        CrmRequest r = CrmRequest.form(uri, form, true).header("X-API-KEY", apiKey).header("Accept", "application/json");
        return http.send(r, count).recover(this::overLimit).compose(resp -> {
            JsonObject body = resp.jsonObject();
            if (body != null && body.getValue("id") != null) return Future.succeededFuture(String.valueOf(body.getValue("id")));
            return Future.failedFuture(new InDoubtException("RetailCRM accepted " + path(uri)
                    + " but its answer names no id: " + resp.text(200), null));
        });
    }

    private <T> Future<T> overLimit(Throwable e) {
        if (e instanceof RetryableException r && (r.status() == 503 || r.status() == 429) && r.retryAfter() == null) {
            http.bucket().pause(OVER_LIMIT_WAIT);
            return Future.failedFuture(new RetryableException(r.getMessage() + " (over the rate limit; waiting "
                    + OVER_LIMIT_WAIT.toSeconds() + " s)", r.status(), OVER_LIMIT_WAIT, r));
        }
        return Future.failedFuture(e);
    }

    /** {@code filter[name]=value} with brackets and value URL-encoded, as {@code http_build_query} sends them. */
    static String param(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String path(String uri) {
        return uri.replaceAll("\\?.*$", "");
    }
}

package io.leadflow.connector.keycrm;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** KeyCRM calls with the account's {@code Authorization: Bearer} key, JSON in and out. */
final class KeycrmClient {
    private final CrmHttp http;
    private final String authorization;

    KeycrmClient(CrmHttp http, String apiKey) {
        this.http = http;
        this.authorization = "Bearer " + apiKey;
    }

    CrmHttp http() {
        return http;
    }

    /** A GET whose answer is a JSON object (an entity or a page object). */
    Future<JsonObject> get(String uri, CallCount count) {
        return getAny(uri, count).compose(v -> v instanceof JsonObject o ? Future.succeededFuture(o)
                : Future.failedFuture(unreadable(uri)));
    }

    /** A GET whose answer may be an object or a bare list ({@code /custom-fields}). */
    Future<Object> getAny(String uri, CallCount count) {
        CrmRequest r = CrmRequest.get(uri).header("Authorization", authorization).header("Accept", "application/json");
        return http.send(r, count).compose(resp -> {
            Object v = resp.json();
            return v == null ? Future.failedFuture(unreadable(uri)) : Future.succeededFuture(v);
        });
    }

    /** A POST or PUT with a JSON body; the answer is the stored entity. */
    Future<JsonObject> write(HttpMethod method, String uri, JsonObject body, CallCount count) {
        CrmRequest r = CrmRequest.json(method, uri, body, true).header("Authorization", authorization);
        return http.send(r, count).compose(resp -> entity(resp, uri));
    }

    /** The {@code data} list of a page object. */
    static JsonArray data(JsonObject page) {
        return page.getJsonArray("data", new JsonArray());
    }

    /** {@code filter[name]=v1,v2} with each value URL-encoded ({@code +} must not become a space). */
    static String filter(String name, Iterable<String> values) {
        StringBuilder sb = new StringBuilder("filter[").append(name).append("]=");
        boolean first = true;
        for (String v : values) {
            if (!first) sb.append(',');
            sb.append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            first = false;
        }
        return sb.toString();
    }

    private static Future<JsonObject> entity(CrmResponse resp, String uri) {
        JsonObject o = resp.jsonObject();
        if (o != null && o.getValue("id") != null) return Future.succeededFuture(o);
        // The write was accepted (2xx) but its answer is unreadable: it may have been made.
        return Future.failedFuture(new InDoubtException("KeyCRM accepted " + uri.replaceAll("\\?.*$", "")
                + " but its answer names no id: " + resp.text(200), null));
    }

    private static PermanentException unreadable(String uri) {
        String path = uri.replaceAll("\\?.*$", "");
        return new PermanentException("KeyCRM answered " + path + " with a body that is not the expected JSON", null, 0);
    }
}

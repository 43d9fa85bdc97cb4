package io.leadflow.connector.shopexpress;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The calls of the guessed Shop-Express admin API [U, no public reference]: base
 * {@code https://<shop>/api/v1}, {@code Authorization: Bearer <api key>}, JSON bodies, bare
 * entities in answers, lists as {@code {"data": […], "meta": {"page", "pages", "total"}}}.
 * Orders are addressed by their number (what the shop sent KeyCRM as {@code source_uuid}).
 */
final class ShopExpressApi {
    private final CrmHttp http;
    private final String key;

    ShopExpressApi(CrmHttp http, String key) {
        this.http = http;
        this.key = key;
    }

    /** {@code GET /orders/{number}}; a 404 is a permanent error naming the order. */
    Future<JsonObject> order(String number, CallCount count) {
        return send(CrmRequest.get("/orders/" + path(number)), count).map(r -> object(r, "order " + number));
    }

    /** {@code PATCH /orders/{number}} with {@code {"status": …, "comment": …}}; the answer is the order (if the guess holds). */
    Future<CrmResponse> setStatus(String number, JsonObject change, CallCount count) {
        return send(CrmRequest.json(HttpMethod.PATCH, "/orders/" + path(number), change, true), count);
    }

    Future<CrmResponse> send(CrmRequest request, CallCount count) {
        return http.send(request.header("Authorization", "Bearer " + key), count);
    }

    Future<Void> close() {
        return http.close();
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The answer as a JSON object; anything else means the guessed contract does not hold. */
    static JsonObject object(CrmResponse r, String what) {
        JsonObject o = r.jsonObject();
        if (o == null) {
            throw new PermanentException("Shop-Express answered " + what + " with something other than a JSON object"
                    + " (the API contract is unconfirmed): " + r.text(120), null, r.status());
        }
        return o;
    }
}

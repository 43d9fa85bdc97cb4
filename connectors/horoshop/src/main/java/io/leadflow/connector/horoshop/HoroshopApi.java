package io.leadflow.connector.horoshop;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Horoshop's API calls (crm-apis.md §6 [C]): {@code POST /api/{function}/} with a JSON body; the
 * token from {@code POST /api/auth/} {@code {login, password}} travels inside every body and lives
 * 600 s. The token is renewed 60 s before it expires, and once more when a call answers
 * {@code ERROR} (an expired token is reported as an ERROR whose wording is [P]; only idempotent
 * functions go through this client, so the retry is harmless). Envelope {@code {status, response}}:
 * {@code OK} and {@code EMPTY} succeed, {@code WARNING} succeeds with its log [P]; {@code ERROR},
 * {@code EXCEPTION}, {@code HTTP_ERROR} and {@code UNDEFINED_FUNCTION} are permanent with
 * Horoshop's message. A refused login is an {@link AuthException}.
 */
final class HoroshopApi {
    static final Duration TOKEN_LIFE = Duration.ofSeconds(600);
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final CrmHttp http;
    private final String login;
    private final String password;
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.MIN;

    HoroshopApi(CrmHttp http, String login, String password, Clock clock) {
        this.http = http;
        this.login = login;
        this.password = password;
        this.clock = clock;
    }

    /** Calls {@code function} with the token added; renews the token and retries once on an ERROR. */
    Future<JsonObject> call(String function, JsonObject params, boolean mutating, CallCount count) {
        return token(count, false).compose(t -> send(function, params, t, mutating, count)).compose(r -> {
            if (!"ERROR".equals(r.getString("status"))) return Future.succeededFuture(r);
            return token(count, true).compose(t -> send(function, params, t, mutating, count)).map(again -> {
                if ("ERROR".equals(again.getString("status"))) throw refusal(function, again);
                return again;
            });
        }).map(r -> {
            String status = r.getString("status", "");
            if (status.equals("OK") || status.equals("EMPTY") || status.equals("WARNING")) return r;
            throw refusal(function, r);
        });
    }

    private Future<JsonObject> send(String function, JsonObject params, String t, boolean mutating, CallCount count) {
        JsonObject body = params.copy().put("token", t);
        return http.send(CrmRequest.json(HttpMethod.POST, "/api/" + function + "/", body, mutating), count).map(r -> envelope(function, r));
    }

    private synchronized Future<String> token(CallCount count, boolean renew) {
        Instant now = clock.instant();
        if (!renew && token != null && now.isBefore(tokenUntil.minus(RENEW_BEFORE))) return Future.succeededFuture(token);
        JsonObject body = new JsonObject().put("login", login).put("password", password);
        return http.send(CrmRequest.json(HttpMethod.POST, "/api/auth/", body, false), count).map(r -> {
            JsonObject e = envelope("auth", r);
            Object t = e.getValue("response") instanceof JsonObject o ? o.getValue("token") : null;
            if (!"OK".equals(e.getString("status")) || !(t instanceof String s) || s.isBlank()) {
                throw new AuthException("horoshop: login refused: " + message(e));
            }
            synchronized (this) {
                token = s;
                tokenUntil = now.plus(TOKEN_LIFE);
            }
            return s;
        });
    }

    private static JsonObject envelope(String function, CrmResponse r) {
        JsonObject o = r.jsonObject();
        if (o == null || !(o.getValue("status") instanceof String)) {
            throw new PermanentException("Horoshop answered " + function + " without its {status, response} envelope: " + r.text(120), null, r.status());
        }
        return o;
    }

    private static PermanentException refusal(String function, JsonObject r) {
        String m = message(r);
        return new PermanentException("Horoshop " + function + " " + r.getString("status") + ": " + m,
                m.toLowerCase(java.util.Locale.ROOT).contains("status") ? "status" : null, 200);
    }

    static String message(JsonObject r) {
        Object resp = r.getValue("response");
        if (resp instanceof JsonObject o && o.getValue("message") != null) return String.valueOf(o.getValue("message"));
        return resp == null ? "(no message)" : String.valueOf(resp);
    }
}

package io.leadflow.connector.keepincrm;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.IdempotencyToken;
import io.leadflow.connector.KeyedLookup;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.connector.http.CrmRequest;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.effect.CreateContact;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.CreateTask;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.UpdateContact;
import io.leadflow.spi.effect.UpdateDeal;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * KeepinCRM (C1): clients, agreements, tasks over {@code https://api.keepincrm.com/v1} with
 * {@code X-Auth-Token}. Lookups in {@link KeepinCrmLookup}, bodies in {@link KeepinCrmEncoder}.
 * Reconcile after an in-doubt create: agreements and tasks by the token in their comment
 * ({@code q[comment_cont]} [U]); clients by their phone or email (clients have no field for a
 * token: a client with that phone or email is taken as the one created). Updates are idempotent,
 * so their reconcile is always empty (resend).
 *
 * <p>Account: secret {@code api_key}; settings {@code timeout_ms} (default 10000),
 * {@code marker} is per flow (from {@link EffectContext#marker()}), {@code rate_limit}.
 */
public final class KeepinCrmConnector extends GuardedHttpConnector {
    public static final String DEFAULT_BASE_URL = "https://api.keepincrm.com";

    private final KeepinCrmApi api;
    private final KeepinCrmLookup lookup;
    private final KeepinCrmAccountData accountData;

    public KeepinCrmConnector(Vertx vertx, AccountConfig config) {
        super(KeepinCrmSchema.DESCRIPTOR, config.account(), CrmHttp.forAccount(vertx, KeepinCrmSchema.DESCRIPTOR, config,
                config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl(),
                Duration.ofMillis(config.longSetting("timeout_ms", 10_000)), new KeepinCrmErrors()));
        this.api = new KeepinCrmApi(http(), config.secret(AccountConfig.API_KEY));
        KeepinCrmStages stages = new KeepinCrmStages(api);
        this.lookup = new KeepinCrmLookup(api, stages);
        this.accountData = new KeepinCrmAccountData(api, stages);
    }

    /** Agreement custom fields from {@code GET /v1/custom_fields} (route assumed [U]) and the stage ids ({@code stage_id}). */
    @Override
    protected Future<AccountSchema> readAccountSchema() {
        return accountData.schema(account());
    }

    @Override
    protected Future<Found> find(LookupRequest request, CallCount count) {
        return lookup.find(request, count);
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        try {
            if (effect instanceof CreateContact c) {
                return write(HttpMethod.POST, "/clients", KeepinCrmEncoder.client(c.fields(), c.manager()), count);
            }
            if (effect instanceof UpdateContact u) {
                return write(HttpMethod.PATCH, "/clients/" + KeepinCrmEncoder.id(u.id(), "client"), KeepinCrmEncoder.client(u.fields(), null), count);
            }
            if (effect instanceof CreateDeal d) {
                JsonObject body = KeepinCrmEncoder.agreement(d.fields(), d.manager(), d.mark(), ctx.marker(), token(ctx));
                String clientId = ctx.resolve(d.contact());
                if (clientId == null) return write(HttpMethod.POST, "/agreements", body, count);
                body.put("client_id", KeepinCrmEncoder.id(clientId, "client"));
                return api.send(HttpMethod.POST, "/agreements", body, count).compose(a -> linked(a, clientId, count));
            }
            if (effect instanceof UpdateDeal u) {
                return write(HttpMethod.PATCH, "/agreements/" + KeepinCrmEncoder.id(u.id(), "deal"),
                        KeepinCrmEncoder.agreement(u.fields(), null, u.mark(), ctx.marker(), null), count);
            }
            CreateTask t = (CreateTask) effect;
            return write(HttpMethod.POST, "/tasks", KeepinCrmEncoder.task(t.fields(),
                    ctx.resolve(t.deal()), ctx.resolve(t.contact()), t.manager(), token(ctx)), count);
        } catch (PermanentException e) {
            return Future.failedFuture(e);
        } catch (IllegalStateException e) {
            return Future.failedFuture(new PermanentException("bad record reference: " + e.getMessage(), null, 0));
        }
    }

    /**
     * Checks that a new agreement is linked to the client it names. The reference names only
     * {@code client_attributes} (a client made inline); a top-level {@code client_id} is
     * unconfirmed [U] and may be dropped as an unknown attribute, so the answer (or, when it does
     * not say, a re-read of the agreement) must show that client; else the effect is refused,
     * naming the agreement, instead of reported done with the lead on no client.
     */
    private Future<EffectResult> linked(JsonObject answer, String clientId, CallCount count) {
        String agreementId = String.valueOf(answer.getValue("id"));
        Future<JsonObject> shown = clientId.equals(String.valueOf(answer.getValue("client_id"))) ? Future.succeededFuture(answer)
                : api.get("/agreements/" + agreementId, count);
        return shown.map(a -> {
            if (!clientId.equals(String.valueOf(a.getValue("client_id")))) {
                throw new PermanentException("KeepinCRM made agreement " + agreementId + " but did not link it to client " + clientId
                        + " (it shows client " + a.getValue("client_id") + "): the top-level client_id is unconfirmed;"
                        + " link the agreement by hand", "client_id", 0);
            }
            return new EffectResult(agreementId, count.get());
        });
    }

    private Future<EffectResult> write(HttpMethod method, String path, JsonObject body, CallCount count) {
        return api.send(method, path, body, count).map(r -> new EffectResult(String.valueOf(r.getValue("id")), count.get()));
    }

    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (effect instanceof CreateDeal) return byToken("/agreements", ctx, count);
        if (effect instanceof CreateTask) return byToken("/tasks", ctx, count);
        if (!(effect instanceof CreateContact c)) return Future.succeededFuture(Optional.empty());
        return KeyedLookup.reconcileByNaturalKeys(c.fields(), request -> lookup.find(request, count), count::get);
    }

    /**
     * The record whose comment holds the token. {@code q[comment_cont]} is [U] and may be
     * ignored, so every item is checked here, and a listing with pages left unread that does not
     * hold the token is refused: "not made" would resend, and the record may sit on a page not read.
     */
    private Future<Optional<EffectResult>> byToken(String path, EffectContext ctx, CallCount count) {
        String token = token(ctx);
        String query = CrmRequest.formEncode(Map.of("q[comment_cont]", token));
        return api.listing(path + "?" + query, count).map(listing -> {
            Optional<EffectResult> hit = listing.items().stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .filter(o -> o.getValue("comment") instanceof String comment && comment.contains(token))
                    .findFirst().map(o -> new EffectResult(String.valueOf(o.getValue("id")), count.get()));
            if (hit.isEmpty()) KeepinCrmLookup.complete(listing, "token search " + query);
            return hit;
        });
    }

    private static String token(EffectContext ctx) {
        return IdempotencyToken.of(ctx.idempotencyKey());
    }
}

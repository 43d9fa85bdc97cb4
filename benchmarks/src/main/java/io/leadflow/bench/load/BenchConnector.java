package io.leadflow.bench.load;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.RetryableException;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/** Sends each effect as one POST to the {@link BenchEmulator}; keyed by the effect's idempotency key. */
final class BenchConnector implements CrmConnector {
    private final ConnectorDescriptor descriptor;
    private final AccountConfig account;
    private final HttpClient http;
    private final URI base;

    BenchConnector(Vertx vertx, ConnectorDescriptor descriptor, AccountConfig account) {
        this.descriptor = descriptor;
        this.account = account;
        this.base = URI.create(account.baseUrl());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    }

    @Override public ConnectorDescriptor descriptor() { return descriptor; }
    @Override public String account() { return account.account(); }
    @Override public Future<Found> find(LookupRequest request) { return Future.succeededFuture(Found.NOTHING); }

    @Override
    public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
        String body = new JsonObject().put("key", ctx.idempotencyKey()).put("fields", new JsonObject(effect.fields().toString())).encode();
        return call(HttpMethod.POST, "/deals", body).map(json -> new EffectResult(String.valueOf(json.getLong("id")), 1));
    }

    @Override
    public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
        return http.request(options(HttpMethod.GET, "/deals/" + ctx.idempotencyKey()))
                .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode() == 200
                        ? Optional.of(new EffectResult(String.valueOf(new JsonObject(b).getLong("id")), 1)) : Optional.<EffectResult>empty())));
    }

    private Future<JsonObject> call(HttpMethod m, String path, String body) {
        return http.request(options(m, path)).compose(req -> req.send(body)).compose(res -> res.body().compose(b -> {
            if (res.statusCode() / 100 == 2) return Future.succeededFuture(new JsonObject(b));
            return Future.failedFuture(new RetryableException("bench emulator answered " + res.statusCode(), res.statusCode(), null, null));
        }));
    }

    private RequestOptions options(HttpMethod m, String path) {
        return new RequestOptions().setMethod(m).setHost(base.getHost()).setPort(base.getPort()).setURI(path)
                .putHeader("Content-Type", "application/json");
    }

    @Override
    public Future<Void> close() {
        return http.close();
    }
}

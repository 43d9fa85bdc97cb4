package io.leadflow.runtime.testkit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.Emulator;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.InDoubtException;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connector "fake" over HTTP to a {@link RecordingCrm}: one POST per effect (with the deal's
 * manager), reconcile by key. Every request takes a permit of the account's {@link TokenBucket}
 * first (its documented limit, or the account's {@code rate_limit} setting), as the real connectors
 * do through {@code CrmHttp}, and gives it back when the answer arrives.
 */
public final class RecordingCrmConnector implements ConnectorFactory {
    static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("fake", "Recording CRM (tests)",
            Set.of(Capability.CREATE_CONTACT, Capability.CREATE_DEAL), Map.of(), new RateLimit(1_000_000, Duration.ofSeconds(1), true, "test"));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CrmConnector create(Vertx vertx, AccountConfig account) {
        URI base = URI.create(account.baseUrl());
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setIdleTimeout(30), new PoolOptions().setHttp1MaxSize(64));
        TokenBucket bucket = TokenBucket.of(vertx, RateLimits.forAccount(DESCRIPTOR.rateLimit(), account));
        return new CrmConnector() {
            @Override public ConnectorDescriptor descriptor() { return DESCRIPTOR; }
            @Override public String account() { return account.account(); }
            @Override public Future<Found> find(LookupRequest request) { return Future.succeededFuture(Found.NOTHING); }

            @Override
            public Future<EffectResult> apply(Effect effect, EffectContext ctx) {
                JsonObject out = new JsonObject().put("key", ctx.idempotencyKey()).put("kind", effect.describe());
                if (effect instanceof io.leadflow.spi.effect.CreateDeal deal) out.put("manager", deal.manager());
                String body = out.encode();
                return limited(bucket, () -> http.request(options(base, HttpMethod.POST, "/records")).compose(r -> r.send(body))
                        .compose(res -> res.statusCode() == 201 ? res.body()
                                : Future.failedFuture("the recording CRM answered " + res.statusCode())))
                        .map(b -> new EffectResult(String.valueOf(new JsonObject(b).getLong("id")), 1))
                        .recover(e -> Future.failedFuture(new InDoubtException("no answer from the recording CRM: " + e.getMessage(), e)));
            }

            @Override
            public Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx) {
                return limited(bucket, () -> http.request(options(base, HttpMethod.GET, "/records/" + ctx.idempotencyKey())).compose(r -> r.send()))
                        .compose(res -> res.statusCode() != 200 && res.statusCode() != 404
                                ? Future.failedFuture("the recording CRM answered " + res.statusCode())
                                : res.body().map(b -> res.statusCode() == 200
                                ? Optional.of(new EffectResult(String.valueOf(new JsonObject(b).getLong("id")), 1)) : Optional.<EffectResult>empty()));
            }

            @Override public Future<Void> close() { return http.close(); }
        };
    }

    /** One request under a permit, given back once its answer (or failure) arrived. */
    private static <T> Future<T> limited(TokenBucket bucket, java.util.function.Supplier<Future<T>> call) {
        return bucket.take().compose(permit -> {
            Future<T> f;
            try {
                f = call.get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            return f.andThen(ar -> permit.release());
        });
    }

    private static RequestOptions options(URI base, HttpMethod m, String path) {
        return new RequestOptions().setMethod(m).setHost(base.getHost()).setPort(base.getPort()).setURI(path)
                .putHeader("Content-Type", "application/json");
    }

    @Override
    public Future<? extends Emulator> startEmulator(Vertx vertx, int port) {
        return RecordingCrm.start(vertx, port);
    }
}

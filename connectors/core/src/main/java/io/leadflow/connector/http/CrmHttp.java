package io.leadflow.connector.http;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ratelimit.RateLimitMemory;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.error.AuthException;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.InDoubtException;
import io.leadflow.spi.error.PermanentException;
import io.leadflow.spi.error.RetryableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends CRM calls for one account: takes a permit from the account's {@link TokenBucket} (and
 * releases it when the answer or failure arrives, so the limit holds as the CRM counts), applies
 * a call timeout, and maps every failure onto the SPI's typed errors.
 *
 * <ul>
 *   <li>no connection / the request could not be written → {@link RetryableException} (status 0)</li>
 *   <li>timeout or reset after a {@linkplain CrmRequest#mutating() mutating} request was written →
 *       {@link InDoubtException} (reconcile first); for a read → retryable. The timeout bounds the
 *       whole call (connect, write, headers and body), so a CRM answering at 1 KB/s or stalling
 *       mid-answer is cut at it; an answer cut short by a dropped connection is the same</li>
 *   <li>429, 502, 503, 504 → retryable with {@code Retry-After} (seconds or HTTP-date), which also
 *       pauses the bucket so no request of this account leaves before it</li>
 *   <li>other 5xx → retryable; 401, 403 → {@link AuthException}</li>
 *   <li>other 4xx → {@link PermanentException} from the connector's {@link ResponseMapper}</li>
 *   <li>2xx whose envelope says error → what {@link ResponseMapper#envelopeError} says</li>
 * </ul>
 *
 * Built on the Vert.x core {@link HttpClient} rather than WebClient because it tells "request
 * written" apart from "no answer", which is exactly the retryable / in-doubt line.
 */
public final class CrmHttp {
    private final Vertx vertx;
    private final HttpClient client;
    private final String baseUrl;
    private final TokenBucket bucket;
    private final long timeoutMillis;
    private final ResponseMapper mapper;
    private final String label;

    /**
     * @param baseUrl the API origin plus any base path, without a trailing slash
     * @param label   {@code connector/account}, used in error messages (never a credential)
     */
    /** The account's calls kept across restarts ({@link RateLimitMemory}), or null. */
    private RateLimitMemory memory;
    /** Completes once the bucket knows the previous process's calls; nothing is sent before. */
    private Future<Void> primed = Future.succeededFuture();

    public CrmHttp(Vertx vertx, String baseUrl, TokenBucket bucket, Duration timeout, ResponseMapper mapper, String label) {
        this.vertx = vertx;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.bucket = bucket;
        this.timeoutMillis = timeout.toMillis();
        this.mapper = mapper;
        this.label = label;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE)).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(16));
    }

    /**
     * One account's client, as every connector builds it: the descriptor's documented rate limit
     * (or the account's {@code rate_limit} setting) and the label {@code <connector>/<account>}.
     */
    public static CrmHttp forAccount(Vertx vertx, ConnectorDescriptor descriptor, AccountConfig account,
                                     String baseUrl, Duration timeout, ResponseMapper mapper) {
        RateLimit limit = RateLimits.forAccount(descriptor.rateLimit(), account);
        TokenBucket bucket = TokenBucket.of(vertx, limit);
        CrmHttp http = new CrmHttp(vertx, baseUrl, bucket, timeout, mapper, descriptor.name() + "/" + account.account());
        http.memory = RateLimitMemory.forAccount(vertx, account, limit).orElse(null);
        if (http.memory != null) http.primed = http.memory.prime(bucket);
        return http;
    }

    public TokenBucket bucket() {
        return bucket;
    }

    /**
     * Waits for a permit, opens the count's {@link io.leadflow.connector.SendGate} if the request
     * is {@linkplain CrmRequest#mutating() mutating} (the effect is recorded as sent only now that
     * it can leave), sends, and completes with a successful answer or a {@link ConnectorException}.
     * A gate that fails sends nothing: the failure is retryable, nothing was written.
     */
    public Future<CrmResponse> send(CrmRequest request, CallCount count) {
        return primed.compose(v -> bucket.take()).compose(permit -> {
            Future<Void> gate = request.mutating() ? count.gate().open() : Future.succeededFuture();
            return gate.transform(opened -> {
                if (opened.failed()) {
                    permit.release();
                    return Future.<CrmResponse>failedFuture(new RetryableException(label + ": " + request.method() + " "
                            + pathOnly(request.uri()) + " not sent: could not record it as sent ("
                            + describe(opened.cause()) + ")", 0, null, opened.cause()));
                }
                count.increment();
                return exchange(request).onComplete(done -> {
                    permit.release();
                    if (memory != null) memory.record();   // the answer came: the CRM has counted the call by now
                });
            });
        }).compose(this::classify);
    }

    /** Closes the client once the account's call memory (if any) is written. */
    public Future<Void> close() {
        return (memory == null ? Future.<Void>succeededFuture() : memory.flushed()).eventually(client::close);
    }

    private Future<CrmResponse> exchange(CrmRequest request) {
        Promise<CrmResponse> result = Promise.promise();
        AtomicBoolean written = new AtomicBoolean();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            TimeoutException e = new TimeoutException("no answer within " + timeoutMillis + " ms");
            HttpClientRequest r = sent.get();
            if (r != null) r.reset(0, e);
            result.tryFail(transportFailure(request, written.get(), e));
        });
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(baseUrl + request.uri()).setHeaders(request.headers())
                .setConnectTimeout(timeoutMillis).setFollowRedirects(false);
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                result.tryFail(transportFailure(request, false, ar.cause()));
                return;
            }
            HttpClientRequest r = ar.result();
            sent.set(r);
            r.response()
                    .compose(resp -> resp.body().map(b -> new CrmResponse(resp.statusCode(), resp.headers(), b)))
                    .onComplete(resp -> {
                        if (resp.failed()) result.tryFail(transportFailure(request, written.get(), resp.cause()));
                        else if (cutShort(resp.result())) result.tryFail(transportFailure(request, true, new java.io.IOException(
                                "the connection closed mid-answer: the JSON body delimited by the close is incomplete")));
                        else result.tryComplete(resp.result());
                    });
            (request.body() == null ? r.end() : r.end(request.body())).onComplete(end -> {
                if (end.succeeded()) written.set(true);
                else result.tryFail(transportFailure(request, false, end.cause()));
            });
        });
        return result.future().onComplete(x -> vertx.cancelTimer(timer));
    }

    /**
     * An answer without {@code Content-Length} or chunking ends when the connection does, so a
     * connection dropped mid-answer looks complete to HTTP; a JSON body that does not parse then
     * is taken for what it is, an answer cut short (a write in doubt, a read to retry).
     */
    static boolean cutShort(CrmResponse r) {
        String type = r.headers().get("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json")
                && r.headers().get("Content-Length") == null && r.headers().get("Transfer-Encoding") == null
                && r.body() != null && r.body().length() > 0 && r.json() == null;
    }

    private ConnectorException transportFailure(CrmRequest request, boolean written, Throwable cause) {
        String what = request.method() + " " + pathOnly(request.uri());
        if (written && request.mutating()) {
            return new InDoubtException(label + ": " + what + " was sent but no answer came (" + describe(cause) + ")", cause);
        }
        return new RetryableException(label + ": " + what + " failed before an answer (" + describe(cause) + ")", 0, null, cause);
    }

    private Future<CrmResponse> classify(CrmResponse response) {
        int status = response.status();
        try {
            if (status >= 200 && status < 300) {
                Optional<ConnectorException> error = mapper.envelopeError(response);
                if (error.isEmpty()) return Future.succeededFuture(response);
                if (error.get() instanceof RetryableException r && r.retryAfter() != null) bucket.pause(r.retryAfter());
                return Future.failedFuture(error.get());
            }
            if (status == 429 || status == 502 || status == 503 || status == 504) {
                Duration retryAfter = RetryAfter.parse(response.headers().get("Retry-After"), Instant.now());
                if (retryAfter == null) retryAfter = mapper.retryAfterWithoutHeader(response);
                if (retryAfter != null) bucket.pause(retryAfter);
                return Future.failedFuture(new RetryableException(label + ": HTTP " + status
                        + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"), status, retryAfter, null));
            }
            if (status == 401 || status == 403) {
                return Future.failedFuture(new AuthException(label + ": credentials refused (HTTP " + status + "): " + response.text(200)));
            }
            if (status >= 400 && status < 500) return Future.failedFuture(mapper.rejected(response));
            if (status >= 500) {
                return Future.failedFuture(new RetryableException(label + ": HTTP " + status + ": " + response.text(200), status, null, null));
            }
            return Future.failedFuture(new PermanentException("unexpected HTTP " + status + " (redirects are not followed)", null, status));
        } catch (RuntimeException e) {
            return Future.failedFuture(new PermanentException("unreadable answer (HTTP " + status + "): " + response.text(200), null, status));
        }
    }

    private static String pathOnly(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}

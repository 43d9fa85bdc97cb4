package io.leadflow.runtime.security;

import io.leadflow.connector.ratelimit.TokenBucket;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.SourceSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Everything one source must pass before its lead is read: a signature (when the source has a
 * webhook secret and the request sends {@code webhook-signature}) or a token, and its rate.
 * Immutable but for the bucket.
 *
 * <p>Credentials are checked in two steps so that a body is read only for a sender that may be
 * allowed: {@link #checkHeaders} decides tokens, missing or stale signature headers and
 * unconfigured sources from the headers alone; only a signature, which covers the body, needs
 * {@link #checkSignature} after the body is in. A {@code webhook-signature} sent to a source
 * without a webhook secret cannot be checked and is ignored entirely: the request must pass by
 * its token, and its {@code webhook-id} is not used (see {@link HeaderCheck#signed()}).
 */
public final class SourceGuard {
    /** A refusal's stable code and its message; {@code null} from {@link #authenticate} means accepted. */
    public record Denial(String code, String message) { }

    /**
     * What the headers decided.
     *
     * @param denial refused already (null otherwise)
     * @param signed the request is signed and its signature must be checked over the body; only
     *               then may its {@code webhook-id} serve as the event id
     */
    public record HeaderCheck(Denial denial, boolean signed) {
        static final HeaderCheck BY_TOKEN = new HeaderCheck(null, false);
        static final HeaderCheck SIGNED = new HeaderCheck(null, true);

        static HeaderCheck denied(Denial d) {
            return new HeaderCheck(d, false);
        }
    }

    private final String slug;
    private final TokenAuthenticator tokens;
    private final WebhookVerifier webhooks;
    private final TokenBucket bucket;

    public SourceGuard(SourceSecrets secrets, Limits limits, Clock clock, long nowNanos) {
        this.slug = secrets.slug();
        this.tokens = new TokenAuthenticator(secrets.tokens());
        this.webhooks = new WebhookVerifier(secrets.hmac(), clock, Duration.ofSeconds(limits.signatureToleranceSeconds()));
        double rate = secrets.rate() != null ? secrets.rate() : limits.ratePerSecond();
        this.bucket = bucket(rate, secrets.rate() != null ? rate * 2 : limits.burst());
    }

    public boolean configured() {
        return tokens.hasTokens() || webhooks.hasSecrets();
    }

    /**
     * The source's rate on the connectors' one {@link TokenBucket}: {@code burst} requests in any
     * window of {@code burst / rate} seconds — the same long-run rate and burst as a classic bucket
     * refilled at {@code rate}, counted as a sliding window.
     */
    static TokenBucket bucket(double ratePerSecond, double burst) {
        int permits = Math.max(1, (int) Math.round(burst));
        return TokenBucket.refusing(permits, Duration.ofNanos(Math.max(1, Math.round(permits / ratePerSecond * 1e9))));
    }

    /** Seconds to wait before the next request may pass (at least 1), 0 when this one passes. */
    public long rateWait(long nowNanos) {
        Duration wait = bucket.tryAcquire(nowNanos);
        return wait.isZero() ? 0 : Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    }

    /** Step 1, from the headers alone (header value by case-insensitive name). */
    public HeaderCheck checkHeaders(Function<String, String> header) {
        return checkHeaders(header, null);
    }

    /**
     * Step 1, also taking the token from the URL's {@code token} query parameter: for senders
     * that can only be given a URL (KeyCRM's "Send Webhook" trigger has no header setting, seed
     * 001). A header token wins over the query one.
     *
     * @param queryToken the {@code token} query parameter, or null
     */
    public HeaderCheck checkHeaders(Function<String, String> header, String queryToken) {
        if (!configured()) {
            return HeaderCheck.denied(new Denial("source_not_configured", "source '" + slug + "' has no token or webhook secret configured; it accepts no leads"));
        }
        String signature = header.apply("webhook-signature");
        if (signature != null && webhooks.hasSecrets()) {
            Denial d = denial(webhooks.precheck(header.apply("webhook-id"), header.apply("webhook-timestamp"), signature));
            return d == null ? HeaderCheck.SIGNED : HeaderCheck.denied(d);
        }
        String token = bearer(header.apply("Authorization"));
        if (token == null) token = header.apply("X-Leadflow-Token");
        if (token == null) token = queryToken;
        if (token == null) {
            return HeaderCheck.denied(webhooks.hasSecrets() && !tokens.hasTokens()
                    ? new Denial("signature_headers_missing", "this source signs its requests: send webhook-id, webhook-timestamp and webhook-signature")
                    : new Denial("token_missing", "send the source token as 'Authorization: Bearer <token>', 'X-Leadflow-Token' or ?token=<token>"));
        }
        return tokens.accepts(token) ? HeaderCheck.BY_TOKEN
                : HeaderCheck.denied(new Denial("token_invalid", "the token is not valid for source '" + slug + "'"));
    }

    /** Step 2 for a {@link HeaderCheck#signed()} request: the signature over the body; null when it matches. */
    public Denial checkSignature(Function<String, String> header, byte[] body) {
        return denial(webhooks.verify(header.apply("webhook-id"), header.apply("webhook-timestamp"), header.apply("webhook-signature"), body));
    }

    /** Both steps at once, for callers that hold the whole request; null when accepted. */
    public Denial authenticate(Function<String, String> header, byte[] body) {
        return authenticate(header, null, body);
    }

    /** Both steps at once, with the {@code token} query parameter (or null). */
    public Denial authenticate(Function<String, String> header, String queryToken, byte[] body) {
        HeaderCheck h = checkHeaders(header, queryToken);
        if (h.denial() != null || !h.signed()) return h.denial();
        return checkSignature(header, body);
    }

    private static Denial denial(WebhookVerifier.Outcome o) {
        return switch (o) {
            case OK -> null;
            case MISSING_HEADERS -> new Denial("signature_headers_missing", "a signed request needs webhook-id, webhook-timestamp and webhook-signature");
            case STALE_TIMESTAMP -> new Denial("signature_stale", "webhook-timestamp is more than 300 s away from the server's clock (or not a number of seconds)");
            case BAD_SIGNATURE -> new Denial("signature_invalid", "no webhook-signature matches the body with any configured secret");
        };
    }

    static String bearer(String authorization) {
        if (authorization == null) return null;
        String a = authorization.trim();
        if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) return a.substring(7).trim();
        return null;
    }
}

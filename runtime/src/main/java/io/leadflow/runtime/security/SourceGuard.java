package io.leadflow.runtime.security;

import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.SourceSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Everything one source must pass before its lead is read: a signature (when it sends
 * {@code webhook-signature}) or a token, and its rate. Immutable but for the bucket.
 */
public final class SourceGuard {
    /** A refusal's stable code and its message; {@code null} from {@link #authenticate} means accepted. */
    public record Denial(String code, String message) { }

    private final String slug;
    private final TokenAuthenticator tokens;
    private final WebhookVerifier webhooks;
    private final TokenBucket bucket;

    public SourceGuard(SourceSecrets secrets, Limits limits, Clock clock, long nowNanos) {
        this.slug = secrets.slug();
        this.tokens = new TokenAuthenticator(secrets.tokens());
        this.webhooks = new WebhookVerifier(secrets.hmac(), clock, Duration.ofSeconds(limits.signatureToleranceSeconds()));
        double rate = secrets.rate() != null ? secrets.rate() : limits.ratePerSecond();
        this.bucket = new TokenBucket(rate, secrets.rate() != null ? rate * 2 : limits.burst(), nowNanos);
    }

    public boolean configured() {
        return tokens.hasTokens() || webhooks.hasSecrets();
    }

    /** Seconds to wait before the next request may pass, 0 when this one passes. */
    public long rateWait(long nowNanos) {
        return bucket.tryTake(nowNanos);
    }

    /**
     * Checks the request's credentials.
     *
     * @param header header value by (case-insensitive) name
     * @return null when accepted, else why not
     */
    public Denial authenticate(Function<String, String> header, byte[] body) {
        return authenticate(header, null, body);
    }

    /**
     * Checks the request's credentials, also taking the token from the URL's {@code token} query
     * parameter: for senders that can only be given a URL (KeyCRM's "Send Webhook" trigger has no
     * header setting, seed 001). A header token wins over the query one.
     *
     * @param queryToken the {@code token} query parameter, or null
     */
    public Denial authenticate(Function<String, String> header, String queryToken, byte[] body) {
        if (!configured()) {
            return new Denial("source_not_configured", "source '" + slug + "' has no token or webhook secret configured; it accepts no leads");
        }
        String signature = header.apply("webhook-signature");
        if (signature != null && webhooks.hasSecrets()) {
            return switch (webhooks.verify(header.apply("webhook-id"), header.apply("webhook-timestamp"), signature, body)) {
                case OK -> null;
                case MISSING_HEADERS -> new Denial("signature_headers_missing", "a signed request needs webhook-id, webhook-timestamp and webhook-signature");
                case STALE_TIMESTAMP -> new Denial("signature_stale", "webhook-timestamp is more than 300 s away from the server's clock (or not a number of seconds)");
                case BAD_SIGNATURE -> new Denial("signature_invalid", "no webhook-signature matches the body with any configured secret");
            };
        }
        String token = bearer(header.apply("Authorization"));
        if (token == null) token = header.apply("X-Leadflow-Token");
        if (token == null) token = queryToken;
        if (token == null) {
            return webhooks.hasSecrets() && !tokens.hasTokens()
                    ? new Denial("signature_headers_missing", "this source signs its requests: send webhook-id, webhook-timestamp and webhook-signature")
                    : new Denial("token_missing", "send the source token as 'Authorization: Bearer <token>', 'X-Leadflow-Token' or ?token=<token>");
        }
        return tokens.accepts(token) ? null : new Denial("token_invalid", "the token is not valid for source '" + slug + "'");
    }

    static String bearer(String authorization) {
        if (authorization == null) return null;
        String a = authorization.trim();
        if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) return a.substring(7).trim();
        return null;
    }
}

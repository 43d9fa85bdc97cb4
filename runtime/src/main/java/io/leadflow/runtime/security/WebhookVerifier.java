package io.leadflow.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signature check: HMAC-SHA256 over {@code id.timestamp.rawBody}, header
 * {@code webhook-signature: v1,<base64> v1,<base64>}; any configured secret may match any listed
 * signature (rotation); the timestamp must lie within the tolerance of now.
 */
public final class WebhookVerifier {
    /** Why a signed request was refused; {@code OK} when it was not. */
    public enum Outcome { OK, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE }

    private final List<byte[]> keys;
    private final Clock clock;
    private final Duration tolerance;

    public WebhookVerifier(List<String> secrets, Clock clock, Duration tolerance) {
        this.keys = secrets.stream().map(WebhookVerifier::keyBytes).toList();
        this.clock = clock;
        this.tolerance = tolerance;
    }

    public boolean hasSecrets() {
        return !keys.isEmpty();
    }

    /** {@code whsec_<base64>} is decoded as Standard Webhooks does; any other string is used as its UTF-8 bytes. */
    static byte[] keyBytes(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring(6));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a whsec_ secret must be base64 after the prefix", e);
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What the headers alone decide, before the body is read: all three present and the
     * timestamp within the tolerance. {@code OK} means the signature itself is still to be checked.
     */
    public Outcome precheck(String id, String timestamp, String signatureHeader) {
        if (blank(id) || blank(timestamp) || blank(signatureHeader)) return Outcome.MISSING_HEADERS;
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Outcome.STALE_TIMESTAMP;
        }
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - ts) > tolerance.toSeconds() ? Outcome.STALE_TIMESTAMP : Outcome.OK;
    }

    public Outcome verify(String id, String timestamp, String signatureHeader, byte[] body) {
        Outcome pre = precheck(id, timestamp, signatureHeader);
        if (pre != Outcome.OK) return pre;
        byte[] signedPrefix = (id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signedPrefix, body);
            for (String part : signatureHeader.trim().split("\\s+")) {
                if (!part.startsWith("v1,")) continue;
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(part.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                ok |= MessageDigest.isEqual(expected, given);
            }
        }
        return ok ? Outcome.OK : Outcome.BAD_SIGNATURE;
    }

    /** The {@code v1,<base64>} signature a sender computes; used by tests, the load generator and docs. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] mac = hmac(keyBytes(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

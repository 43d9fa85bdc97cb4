package io.leadflow.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A short, fixed-length form of an idempotency key for CRMs that have no external-id field and
 * only a short text field to carry it ({@code lf:} + 22 base64url characters of SHA-256 = 25
 * characters). The same key always gives the same token, so {@code reconcile} can search for it.
 */
public final class IdempotencyToken {
    public static final String PREFIX = "lf:";

    private IdempotencyToken() { }

    public static String of(String idempotencyKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package io.leadflow.runtime.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks a presented source token against the configured ones in constant time. Tokens are kept
 * as SHA-256 digests so the comparison takes the same time whatever the length and content.
 */
public final class TokenAuthenticator {
    private final List<byte[]> digests;

    public TokenAuthenticator(List<String> tokens) {
        this.digests = tokens.stream().map(TokenAuthenticator::sha256).toList();
    }

    public boolean hasTokens() {
        return !digests.isEmpty();
    }

    /** True when the token equals one of the configured ones; compares against every one, no early exit. */
    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) return false;
        byte[] d = sha256(presented);
        boolean ok = false;
        for (byte[] expected : digests) ok |= MessageDigest.isEqual(expected, d);
        return ok;
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });

    static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }
}

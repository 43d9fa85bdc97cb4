package io.leadflow.runtime.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Fresh random tokens (256 bits, URL-safe) for sources that have none, in sandbox mode only. */
public final class SandboxTokens {
    private final SecureRandom random = new SecureRandom();

    public String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return "lf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Properties ({@code source.<slug>.token}) with a new token for each slug that has no credentials. */
    public Map<String, String> forUnconfigured(Iterable<String> slugs, Secrets secrets) {
        Map<String, String> out = new HashMap<>();
        for (String slug : slugs) {
            if (!secrets.source(slug).configured()) out.put("source." + slug + ".token", newToken());
        }
        return out;
    }
}

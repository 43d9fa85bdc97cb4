package io.leadflow.connector.ratelimit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.spi.RateLimit;
import java.time.Duration;

/**
 * The limit an account's bucket runs at: the CRM's documented one, unless the account's
 * {@code rate_limit} setting ({@code "<permits>/<seconds>s"}, e.g. {@code "100/6s"}) says
 * otherwise — for a negotiated limit, or for benchmarks that scale a slow limit down against an
 * emulator configured the same way.
 */
public final class RateLimits {
    public static final String SETTING = "rate_limit";

    private RateLimits() { }

    public static RateLimit forAccount(RateLimit documented, AccountConfig account) {
        String v = account.setting(SETTING, null);
        return v == null ? documented : parse(v);
    }

    /** {@code "10/1s"} → 10 permits per second; throws a clear error on anything else. */
    public static RateLimit parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 1 || !t.endsWith("s")) throw bad(text);
        try {
            int permits = Integer.parseInt(t.substring(0, slash).trim());
            double seconds = Double.parseDouble(t.substring(slash + 1, t.length() - 1).trim());
            if (permits < 1 || seconds <= 0) throw bad(text);
            return new RateLimit(permits, Duration.ofMillis(Math.round(seconds * 1000)), true, "account setting " + SETTING);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("rate_limit must look like \"100/60s\" (permits per seconds), got \"" + text + "\"");
    }
}

package io.leadflow.connector.ratelimit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.spi.RateLimit;
import java.time.Duration;

/**
 * The limit an account's bucket runs at: the CRM's documented one, unless the account's
 * {@code rate_limit} setting ({@code "<permits>/<n>s"}, {@code …m}, {@code …h}, e.g. {@code "100/6s"}, {@code "60/1m"}) says
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

    /**
     * {@code "10/1s"} → 10 permits per second; {@code "100/1m"}, {@code "5000/1h"} per minute and
     * hour; {@code "100/6.5s"}. Throws a clear error on anything else.
     */
    public static RateLimit parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 1 || t.length() < slash + 3) throw bad(text);
        long unitMillis = switch (t.charAt(t.length() - 1)) {
            case 's' -> 1000;
            case 'm' -> 60_000;
            case 'h' -> 3_600_000;
            default -> throw bad(text);
        };
        try {
            int permits = Integer.parseInt(t.substring(0, slash).trim());
            double amount = Double.parseDouble(t.substring(slash + 1, t.length() - 1).trim());
            long millis = Math.round(amount * unitMillis);
            if (permits < 1 || millis < 1) throw bad(text);
            return new RateLimit(permits, Duration.ofMillis(millis), true, "account setting " + SETTING);
        } catch (NumberFormatException e) {
            throw bad(text);
        }
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("rate_limit must look like \"100/60s\" or \"100/1m\" (permits per seconds, minutes or hours: s, m, h), got \"" + text + "\"");
    }
}

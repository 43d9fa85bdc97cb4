package io.leadflow.dsl.parse;

import java.time.Duration;

/** {@code 90s}, {@code 1m}, {@code 4h}, {@code 1d}, {@code 500ms} to a Duration, and back. */
public final class Durations {
    private Durations() { }

    /** Absurd values are capped at {@link #MAX} rather than overflowing. */
    public static final Duration MAX = Duration.ofDays(36_500);

    /** A duration written as text ({@code "90s"}, {@code "1m"}), as rule-file arguments give it; empty when malformed. */
    public static java.util.Optional<Duration> parseText(String text) {
        if (text == null || !text.matches("[0-9]+(ms|s|m|h|d)")) return java.util.Optional.empty();
        return java.util.Optional.of(parse(text));
    }

    static Duration parse(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() > 12) return MAX;
        if (text.endsWith("ms")) return Duration.ofMillis(Long.parseLong(digits));
        long n = Long.parseLong(digits);
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(Math.min(n, MAX.toDays()));
        };
    }

    /** The shortest source text for a duration. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0 && ms > 0) return ms / 86_400_000L + "d";
        if (ms % 3_600_000L == 0 && ms > 0) return ms / 3_600_000L + "h";
        if (ms % 60_000L == 0 && ms > 0) return ms / 60_000L + "m";
        if (ms % 1000L == 0) return ms / 1000L + "s";
        return ms + "ms";
    }
}

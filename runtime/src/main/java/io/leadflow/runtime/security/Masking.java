package io.leadflow.runtime.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure masking functions for PII in log text: phones as {@code +38067*****67}, emails as {@code o***@example.com}. */
public final class Masking {
    // Phone shapes: international (+ then 9–15 digits with separators), Ukrainian local (067 123 45 67),
    // or a bare run of 10–13 digits. Dates and times do not match (no +, no leading 0, short runs).
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d[\\d ().-]{7,18}\\d|0\\d{2}[ .-]?\\d{3}[ .-]?\\d{2}[ .-]?\\d{2}|\\d{10,13})(?!\\w)");
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    private static final Pattern WHSEC = Pattern.compile("whsec_[A-Za-z0-9+/=_-]+");

    private Masking() { }

    /** {@code +380671234567} → {@code +38067*****67}; keeps at most 5 leading and 2 trailing digits. */
    public static String phone(String raw) {
        if (raw == null) return null;
        String digits = raw.replaceAll("\\D", "");
        if (digits.length() < 5) return "*".repeat(digits.length());
        int head = Math.min(5, digits.length() - 4);
        String masked = digits.substring(0, head) + "*".repeat(digits.length() - head - 2) + digits.substring(digits.length() - 2);
        return raw.stripLeading().startsWith("+") ? "+" + masked : masked;
    }

    /** {@code olena@example.com} → {@code o***@example.com}. */
    public static String email(String raw) {
        if (raw == null) return null;
        int at = raw.indexOf('@');
        if (at <= 0) return "***";
        return raw.charAt(0) + "***" + raw.substring(at);
    }

    /** Masks every phone, email, bearer token and {@code whsec_} secret found in free text. */
    public static String text(String s) {
        if (s == null || s.isEmpty()) return s;
        String out = replace(EMAIL.matcher(s), m -> m.group(1) + "***@" + m.group(2));
        out = replace(PHONE.matcher(out), m -> phone(m.group()));
        out = replace(BEARER.matcher(out), m -> m.group(1) + "***");
        return WHSEC.matcher(out).replaceAll("whsec_***");
    }

    private static String replace(Matcher m, java.util.function.Function<Matcher, String> f) {
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(b);
        return b.toString();
    }
}

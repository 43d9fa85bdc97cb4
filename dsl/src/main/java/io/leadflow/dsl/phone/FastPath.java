package io.leadflow.dsl.phone;

/**
 * The national number of the common written shapes of two countries, read without
 * libphonenumber's parser. Validity is still libphonenumber's ({@code isValidNumber}); anything
 * else (letters, extensions, other lengths, other leading digits) returns -1 and goes through the
 * full parser. The jqwik properties check both against the parser.
 * <ul>
 * <li>Ukraine: {@code +380XXXXXXXXX}, {@code 380XXXXXXXXX}, {@code 00380XXXXXXXXX},
 *     {@code 0XXXXXXXXX}, {@code XXXXXXXXX} (national not starting with 0).</li>
 * <li>Russia, mobile numbers only (national {@code 9XXXXXXXXX}): {@code +79XXXXXXXXX},
 *     {@code 79XXXXXXXXX}, {@code 89XXXXXXXXX} (the trunk prefix 8), {@code 9XXXXXXXXX}.
 *     Other leading digits are left to the parser (its national-prefix rules for them are subtler).</li>
 * </ul>
 * Spaces, dashes, dots and parentheses are allowed anywhere; a plus only first.
 */
final class FastPath {
    private FastPath() { }

    /** The 9-digit Ukrainian national number, or -1 when the text is not one of the shapes above. */
    static long ua(String text) {
        Written w = Written.of(text);
        return w == null ? -1 : ua(w.digits, w.count, w.plus);
    }

    private static long ua(char[] d, int n, boolean plus) {
        int start;
        if (plus) {
            start = n == 12 && startsWith(d, "380") ? 3 : -1;
        } else if (n == 12 && startsWith(d, "380")) {
            start = 3;
        } else if (n == 14 && startsWith(d, "00380")) {
            start = 5;
        } else if (n == 10 && d[0] == '0') {
            start = 1;
        } else if (n == 9 && d[0] != '0') {
            start = 0;
        } else {
            start = -1;
        }
        if (start < 0 || d[start] == '0') return -1;
        return value(d, start, n);
    }

    /** The 10-digit Russian mobile national number ({@code 9…}), or -1 when the text is not one of the shapes above. */
    static long ru(String text) {
        Written w = Written.of(text);
        return w == null ? -1 : ru(w.digits, w.count, w.plus);
    }

    private static long ru(char[] d, int n, boolean plus) {
        int start;
        if (plus) {
            start = n == 11 && d[0] == '7' ? 1 : -1;
        } else if (n == 11 && (d[0] == '7' || d[0] == '8')) {
            start = 1;
        } else if (n == 10) {
            start = 0;
        } else {
            start = -1;
        }
        if (start < 0 || d[start] != '9') return -1;
        return value(d, start, n);
    }

    /** The digits of a text that has only digits, separators and one leading plus. */
    private static final class Written {
        final char[] digits = new char[16];
        int count;
        boolean plus;

        /** Null when the text has anything else, or more digits than any shape here. */
        static Written of(String text) {
            Written w = new Written();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (w.count == w.digits.length) return null;
                    w.digits[w.count++] = c;
                } else if (c == '+') {
                    if (w.plus || w.count > 0) return null;
                    w.plus = true;
                } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                    return null;
                }
            }
            return w;
        }
    }

    private static long value(char[] d, int start, int end) {
        long v = 0;
        for (int i = start; i < end; i++) v = v * 10 + (d[i] - '0');
        return v;
    }

    private static boolean startsWith(char[] d, String p) {
        for (int i = 0; i < p.length(); i++) if (d[i] != p.charAt(i)) return false;
        return true;
    }
}

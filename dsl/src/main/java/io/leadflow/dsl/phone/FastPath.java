package io.leadflow.dsl.phone;

/**
 * The national number of the common Ukrainian shapes, read without libphonenumber's parser:
 * {@code +380XXXXXXXXX}, {@code 380XXXXXXXXX}, {@code 00380XXXXXXXXX}, {@code 0XXXXXXXXX},
 * {@code XXXXXXXXX}, with spaces, dashes, dots and parentheses. Validity is still libphonenumber's
 * ({@code isValidNumber}); anything else (letters, extensions, other lengths) returns -1 and goes
 * through the full parser. The jqwik properties check it against the parser.
 */
final class UaFastPath {
    private UaFastPath() { }

    /** The 9-digit national number, or -1 when the text is not one of the shapes above. */
    static long national(String text) {
        char[] digits = new char[16];
        int n = 0;
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == digits.length) return -1;
                digits[n++] = c;
            } else if (c == '+') {
                if (plus || n > 0) return -1;
                plus = true;
            } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
                return -1;
            }
        }
        int start;
        if (plus) {
            start = n == 12 && startsWith(digits, "380") ? 3 : -1;
        } else if (n == 12 && startsWith(digits, "380")) {
            start = 3;
        } else if (n == 14 && startsWith(digits, "00380")) {
            start = 5;
        } else if (n == 10 && digits[0] == '0') {
            start = 1;
        } else if (n == 9 && digits[0] != '0') {
            start = 0;
        } else {
            start = -1;
        }
        if (start < 0 || digits[start] == '0') return -1;
        long v = 0;
        for (int i = start; i < n; i++) v = v * 10 + (digits[i] - '0');
        return v;
    }

    private static boolean startsWith(char[] d, String p) {
        for (int i = 0; i < p.length(); i++) if (d[i] != p.charAt(i)) return false;
        return true;
    }
}

package io.leadflow.dsl.eval;

import java.math.BigDecimal;

/**
 * Numbers as shops write them: {@code "1200.50"}, {@code "1 200,50"}, {@code "1,200.50"},
 * {@code "1.200,50"}, {@code "₴ 99"}. Spaces (also no-break) and currency signs are ignored; when
 * both ',' and '.' appear the later one is the decimal separator; a lone ',' is decimal.
 * Anything else is not a number (null), never an exception.
 */
public final class NumberText {
    private NumberText() { }

    public static BigDecimal parse(String s) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length());
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        char decimal = lastComma > lastDot ? ',' : '.';
        if (lastComma >= 0 && lastDot < 0 && s.indexOf(',') != lastComma) decimal = '.'; // 1,200,000
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') b.append(c);
            else if (c == decimal) b.append('.');
            else if ((c == '-' || c == '+') && b.length() == 0) b.append(c);
            else if (c == 'e' || c == 'E') b.append(c);
            else if (c == ',' || c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.CURRENCY_SYMBOL) continue;
            else return null;
        }
        if (b.length() == 0 || b.length() > 60) return null;
        try {
            BigDecimal d = new BigDecimal(b.toString());
            return Math.abs(d.scale()) > 1000 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

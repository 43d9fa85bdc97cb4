package io.leadflow.dsl.builtin;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper bound on the size of the program RE2/J compiles a pattern into, computed from the
 * pattern text before RE2/J sees it. RE2/J expands counted repetition ({@code x{n,m}}) by copying
 * {@code x}, so nested counts multiply: {@code ((a{1000}){1000}){1000}} would be about 10^9
 * instructions and take the whole heap. Each literal, class or escape counts 1, a group the sum
 * of its contents, alternatives add up, {@code {n,m}} multiplies by {@code m} ({@code n + 1} when
 * open-ended). The estimate never undercounts, so a pattern under {@link #LIMIT} is safe to compile.
 */
final class RegexSize {
    /** Most instructions a rule's pattern may expand to (a phone or order-number pattern needs tens). */
    static final long LIMIT = 20_000;
    private static final long CAP = Long.MAX_VALUE / 4;

    private RegexSize() { }

    static long estimate(String re) {
        Deque<long[]> outer = new ArrayDeque<>();
        long total = 0;
        long last = 0;
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            long atom = 1;
            switch (c) {
                case '\\' -> {
                    if (i + 1 < n && re.charAt(i + 1) == 'Q') {
                        int end = re.indexOf("\\E", i + 2);
                        int stop = end < 0 ? n : end;
                        atom = Math.max(1, stop - (i + 2));
                        i = end < 0 ? n : end + 1;
                    } else if (i + 2 < n && "pPx".indexOf(re.charAt(i + 1)) >= 0 && re.charAt(i + 2) == '{') {
                        int end = re.indexOf('}', i + 3);
                        i = end < 0 ? n : end;
                    } else {
                        i++;
                    }
                }
                case '[' -> i = classEnd(re, i);
                case '(' -> {
                    if (re.startsWith("(?", i)) {
                        int j = i + 2;
                        while (j < n && re.charAt(j) != ')' && re.charAt(j) != ':' && re.charAt(j) != '<' && re.charAt(j) != '\'') j++;
                        if (j < n && re.charAt(j) == ')') {
                            i = j;  // flags only, e.g. (?i)
                            continue;
                        }
                        if (j < n && (re.charAt(j) == '<' || re.charAt(j) == '\'')) j = re.indexOf(re.charAt(j) == '<' ? '>' : '\'', j + 1);
                        i = j < 0 ? n : j;
                    }
                    outer.push(new long[] {total});
                    total = 0;
                    last = 0;
                    continue;
                }
                case ')' -> {
                    atom = total + 1;
                    total = outer.isEmpty() ? 0 : outer.pop()[0];
                }
                case '|' -> {
                    total = add(total, 1);
                    last = 0;
                    continue;
                }
                case '*', '+', '?' -> {
                    total = add(total, 1);
                    continue;
                }
                case '{' -> {
                    long k = repeat(re, i);
                    if (k >= 0) {
                        total = add(total, mul(last, Math.max(0, k - 1)));
                        last = mul(last, k);
                        i = re.indexOf('}', i);
                        continue;
                    }
                }
                default -> { }
            }
            last = atom;
            total = add(total, atom);
        }
        while (!outer.isEmpty()) total = add(total, outer.pop()[0]);
        return total;
    }

    /** The copies {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at} makes, or -1 when it is a literal brace. */
    private static long repeat(String re, int at) {
        int close = re.indexOf('}', at);
        if (close < 0) return -1;
        String body = re.substring(at + 1, close);
        if (!body.matches("[0-9]{1,9}(,[0-9]{0,9})?")) return -1;
        int comma = body.indexOf(',');
        if (comma < 0) return Long.parseLong(body);
        long min = Long.parseLong(body.substring(0, comma));
        return comma == body.length() - 1 ? min + 1 : Math.max(min, Long.parseLong(body.substring(comma + 1)));
    }

    private static int classEnd(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') i++;
        if (i < re.length() && re.charAt(i) == ']') i++;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') i++;
            else if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                if (end > 0) i = end + 1;
            } else if (c == ']') return i;
        }
        return re.length();
    }

    private static long add(long a, long b) {
        return Math.min(CAP, a + b);
    }

    private static long mul(long a, long b) {
        if (a == 0 || b == 0) return 0;
        return a > CAP / b ? CAP : a * b;
    }
}

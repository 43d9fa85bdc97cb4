package io.leadflow.spi.account;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the account field whose id, alias or label is closest to a mistyped id (typos, swapped digits, a missing suffix). */
final class Suggestions {
    private Suggestions() { }

    static Optional<AccountField> closest(String id, List<AccountField> fields) {
        String wanted = normalise(id);
        AccountField best = null;
        int bestScore = Integer.MAX_VALUE;
        for (AccountField f : fields) {
            int score = score(wanted, normalise(f.id()));
            for (String alias : f.aliases()) score = Math.min(score, score(wanted, normalise(alias)));
            if (!f.label().isEmpty()) score = Math.min(score, score(wanted, normalise(f.label())));
            if (score < bestScore) {
                best = f;
                bestScore = score;
            }
        }
        return bestScore <= tolerance(wanted) ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Edit distance, or a small score when one contains the other (ct_site vs ct_site_id). */
    private static int score(String a, String b) {
        if (a.equals(b)) return 0;
        if (a.length() >= 3 && b.length() >= 3 && (a.contains(b) || b.contains(a))) return 1;
        return distance(a, b);
    }

    /** One edit for short ids, up to three for long ones. */
    private static int tolerance(String id) {
        return Math.max(1, Math.min(3, id.length() / 3));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }

    /** Optimal string alignment distance: insert, delete, replace, swap two neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package io.leadflow.runtime.exec;

import io.leadflow.runtime.security.Masking;
import java.time.Instant;

/**
 * The one log line per retry, as {@code key=value} pairs so log tools can parse it; the error
 * text is masked (phones, e-mails, tokens) because CRMs echo the fields they refuse.
 */
final class RetryLog {
    private RetryLog() { }

    static String line(LeadRun run, Integer effectIndex, int attempt, Instant nextAt, Failure failure) {
        return "event=retry lead=" + run.id() + " flow=" + quoted(run.lead.flow())
                + " account=" + quoted(run.connector + "/" + run.account)
                + " step=" + (effectIndex == null ? "lookup" : "effect-" + effectIndex)
                + " attempt=" + attempt + " in_doubt=" + failure.inDoubt() + " next_at=" + nextAt
                + " error=" + quoted(Masking.text(failure.reason()));
    }

    private static String quoted(String s) {
        String v = String.valueOf(s);
        if (v.length() > 300) v = v.substring(0, 300) + "…";
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

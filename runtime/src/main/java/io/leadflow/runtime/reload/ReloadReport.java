package io.leadflow.runtime.reload;

import io.leadflow.dsl.Diagnostic;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last compile of the rule folder.
 *
 * @param at          when it ran
 * @param ok          whether the new program replaced the running one
 * @param contentHash the hash of the program now running (the old one when {@code ok} is false), or null
 * @param files       the files compiled
 * @param diagnostics every finding of that compile
 * @param rendered    the diagnostics rendered with source lines and carets (and the refusals, when any)
 * @param refused     what the account configuration refuses for a program that compiled (one line per
 *                    account, {@code "retailcrm/shop: rate_limit must look like …"}); non-empty means
 *                    the program was not swapped in ({@code ok} false)
 */
public record ReloadReport(Instant at, boolean ok, String contentHash, List<String> files,
                           List<Diagnostic> diagnostics, String rendered, List<String> refused) {
    public ReloadReport {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        refused = List.copyOf(refused);
    }

    /** A compile's outcome with no account refusal. */
    public ReloadReport(Instant at, boolean ok, String contentHash, List<String> files, List<Diagnostic> diagnostics, String rendered) {
        this(at, ok, contentHash, files, diagnostics, rendered, List.of());
    }
}

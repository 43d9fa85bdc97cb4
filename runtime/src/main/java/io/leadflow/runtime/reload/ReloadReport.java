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
 * @param rendered    the diagnostics rendered with source lines and carets
 */
public record ReloadReport(Instant at, boolean ok, String contentHash, List<String> files,
                           List<Diagnostic> diagnostics, String rendered) {
    public ReloadReport {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}

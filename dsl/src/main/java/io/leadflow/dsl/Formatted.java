package io.leadflow.dsl;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Leadflow#format} made of a rule file.
 *
 * @param text   the canonical text when the file parsed, else empty
 * @param errors the syntax errors that prevent formatting (empty when it parsed)
 */
public record Formatted(Optional<String> text, List<Diagnostic> errors) {
    public Formatted {
        errors = List.copyOf(errors);
    }
}

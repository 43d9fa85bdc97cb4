package io.leadflow.dsl.decide;

import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Diagnostic.Severity;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.diag.Diagnostics;

/** Reports decisions findings with their {@link DecideCode} into the compilation's diagnostics. */
record Sink(Diagnostics diagnostics) {

    void error(DecideCode code, String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.ERROR, code.name(), message, at));
    }

    void warning(DecideCode code, String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.WARNING, code.name(), message, at));
    }

    void unknownCollection(String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.ERROR, "LF207", message, at));
    }
}

package io.leadflow.dsl.decide;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Diagnostic.Severity;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.diag.Diagnostics;

/** Reports decisions findings with their {@link DiagnosticCode} into the compilation's diagnostics. */
record Sink(Diagnostics diagnostics) {

    void error(DiagnosticCode code, String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.ERROR, code, message, at));
    }

    void warning(DiagnosticCode code, String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.WARNING, code, message, at));
    }

    void unknownCollection(String message, SourceSpan at) {
        diagnostics.add(new Diagnostic(Severity.ERROR, io.leadflow.dsl.DiagnosticCode.LF207, message, at));
    }
}

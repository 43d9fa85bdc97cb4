package io.leadflow.dsl.diag;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Diagnostic.Severity;
import io.leadflow.dsl.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** The sink phases report into; keeps at most {@code cap} findings so a garbage file cannot flood the output. */
public final class Diagnostics {
    public static final int DEFAULT_CAP = 100;

    private final List<Diagnostic> found = new ArrayList<>();
    private final int cap;
    private boolean truncated;
    private int errors;

    public Diagnostics() {
        this(DEFAULT_CAP);
    }

    public Diagnostics(int cap) {
        this.cap = cap;
    }

    public void error(DiagnosticCode code, String message, SourceSpan span) {
        add(new Diagnostic(Severity.ERROR, code, message, span));
    }

    public void warning(DiagnosticCode code, String message, SourceSpan span) {
        add(new Diagnostic(Severity.WARNING, code, message, span));
    }

    public void add(Diagnostic d) {
        if (d.severity() == Severity.ERROR) errors++;
        if (found.size() < cap) {
            found.add(d);
        } else if (!truncated) {
            truncated = true;
            found.add(new Diagnostic(Severity.ERROR, DiagnosticCode.LF106,
                    "more than " + cap + " problems; fix these first", d.span()));
        }
    }

    public int errorCount() {
        return errors;
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Every finding, by file, line and column (the order a reader fixes them in). */
    public List<Diagnostic> all() {
        return found.stream().sorted(java.util.Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().line()).thenComparingInt(d -> d.span().column())).toList();
    }
}

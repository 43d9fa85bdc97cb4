package io.leadflow.dsl;

/**
 * One compiler finding: a value, not an exception. {@code code} is stable (LF1xx syntax,
 * LF2xx names, LF3xx types, LF4xx connector schema, LF5xx rules and flow structure); tests and
 * tools tell errors apart by code, never by message text.
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, SourceSpan span) {

    public enum Severity { ERROR, WARNING, INFO }

    /** {@code file:line:col: error LF201: message}, the source line, and a caret under the column. */
    public String render(String sourceLine) {
        StringBuilder b = new StringBuilder()
                .append(span.file()).append(':').append(span.line()).append(':').append(span.column())
                .append(": ").append(severity.name().toLowerCase(java.util.Locale.ROOT))
                .append(' ').append(code).append(": ").append(message);
        if (sourceLine != null) {
            b.append('\n').append(sourceLine).append('\n');
            for (int i = 1; i < span.column(); i++) b.append(i - 1 < sourceLine.length() && sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
            int width = span.endLine() == span.line() ? Math.max(1, span.endColumn() - span.column()) : 1;
            b.append("^".repeat(width));
        }
        return b.toString();
    }
}

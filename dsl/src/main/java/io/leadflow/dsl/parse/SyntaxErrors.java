package io.leadflow.dsl.parse;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.grammar.LeadflowLexer;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Replaces ANTLR's console listener: every syntax error becomes a diagnostic with its position. */
final class SyntaxErrors extends BaseErrorListener {
    private final Spans spans;
    private final Diagnostics sink;
    private int count;

    SyntaxErrors(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.sink = sink;
    }

    int count() {
        return count;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        count++;
        if (offending instanceof Token t && t.getType() == LeadflowLexer.ERROR_CHAR) {
            String c = t.getText();
            String hint = c.equals("\"") || c.equals("'") ? " (unterminated string? strings end on the same line)" : "";
            sink.error(DiagnosticCode.LF102, "unexpected character '" + c + "'" + hint, spans.of(t));
            return;
        }
        SourceSpan span = offending instanceof Token t && t.getType() != Token.EOF ? spans.of(t)
                : new SourceSpan(spans.file(), spans.lineOf(line), spans.columnOf(col), spans.lineOf(line), spans.columnOf(col) + 1);
        sink.error(DiagnosticCode.LF101, tidy(msg), span);
    }

    /** ANTLR lists every token it could accept; past a handful that helps nobody. */
    static String tidy(String msg) {
        int i = msg.indexOf(" expecting {");
        if (i > 0 && msg.substring(i).split(",").length > 6) return msg.substring(0, i);
        return msg.replace("<EOF>", "end of file");
    }
}

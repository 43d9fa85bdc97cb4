package io.leadflow.dsl.parse;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.NullExpr;
import io.leadflow.dsl.ast.NumberExpr;
import io.leadflow.dsl.ast.StringExpr;
import io.leadflow.dsl.ast.TemplateExpr;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.grammar.LeadflowLexer;
import io.leadflow.grammar.LeadflowParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The second pass over a double-quoted string: splits it into text and {@code {expr}} holes and
 * parses each hole with positions that point into the hole. Inside a hole, strings are single-quoted.
 */
final class Templates {
    private final Spans spans;
    private final Diagnostics sink;

    Templates(Spans spans, Diagnostics sink) {
        this.spans = spans;
        this.sink = sink;
    }

    Expr parse(Token token) {
        String raw = token.getText();
        String body = raw.substring(1, raw.length() - 1);
        int bodyColumn = token.getCharPositionInLine() + 1; // ANTLR column of body[0]
        List<TemplateExpr.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                int e = StringLiterals.escape(body.charAt(i + 1));
                if (e < 0) {
                    sink.error(DiagnosticCode.LF104, "unknown escape '\\" + body.charAt(i + 1) + "' (known: \\n \\t \\r \\\" \\' \\\\ \\{ \\})",
                            at(token, bodyColumn + i, 2));
                    text.append(body.charAt(i + 1));
                } else {
                    text.append((char) e);
                }
                i++;
            } else if (c == '{') {
                int close = closing(body, i + 1);
                if (close < 0) {
                    sink.error(DiagnosticCode.LF103, "hole '{' is never closed; write \\{ for a literal brace", at(token, bodyColumn + i, 1));
                    break;
                }
                if (text.length() > 0) parts.add(new TemplateExpr.Text(text.toString()));
                text.setLength(0);
                parts.add(new TemplateExpr.Hole(hole(token, body.substring(i + 1, close), bodyColumn + i + 1)));
                i = close;
            } else if (c == '}') {
                sink.error(DiagnosticCode.LF103, "'}' without a hole; write \\} for a literal brace", at(token, bodyColumn + i, 1));
            } else {
                text.append(c);
            }
        }
        if (parts.isEmpty()) return new StringExpr(text.toString(), spans.of(token));
        if (text.length() > 0) parts.add(new TemplateExpr.Text(text.toString()));
        return new TemplateExpr(parts, spans.of(token));
    }

    private Expr hole(Token token, String source, int antlrColumn) {
        Spans holeSpans = new Spans(spans.file(), spans.lineOf(token.getLine()), spans.columnOf(antlrColumn) - 1);
        if (source.isBlank()) {
            sink.error(DiagnosticCode.LF103, "empty hole {}", at(token, antlrColumn - 1, 2));
            return new NullExpr(at(token, antlrColumn - 1, 2));
        }
        LeadflowLexer lexer = new LeadflowLexer(CharStreams.fromString(source));
        SyntaxErrors errors = new SyntaxErrors(holeSpans, sink);
        LeadflowParser parser = RuleParser.parser(lexer, new CommonTokenStream(lexer), errors);
        LeadflowParser.StandaloneExprContext ctx = parser.standaloneExpr();
        if (errors.count() > 0) return new NullExpr(at(token, antlrColumn, source.length()));
        Expr e = new ExprBuilder(holeSpans, sink).build(ctx.expr());
        if (e instanceof NumberExpr) {
            sink.warning(DiagnosticCode.LF108, "{" + source.trim() + "} is a template hole holding the number " + source.trim()
                    + ": the string gets " + source.trim() + " there, not {" + source.trim() + "}; for a regex repetition write the pattern in single quotes ('…{"
                    + source.trim() + "}…') or escape the braces (\\{" + source.trim() + "\\})", at(token, antlrColumn - 1, source.length() + 2));
        }
        return e;
    }

    /** Index of the '}' closing a hole that starts at {@code from}, skipping quoted strings; -1 when none. */
    private static int closing(String body, int from) {
        int depth = 0;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                i++;
                while (i < body.length() && body.charAt(i) != '\'') i += body.charAt(i) == '\\' ? 2 : 1;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    private SourceSpan at(Token token, int antlrColumn, int width) {
        int line = spans.lineOf(token.getLine());
        int col = spans.columnOf(antlrColumn);
        return new SourceSpan(spans.file(), line, col, line, col + width);
    }
}

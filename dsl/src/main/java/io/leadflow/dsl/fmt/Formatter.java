package io.leadflow.dsl.fmt;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.Formatted;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.parse.RuleParser;
import java.util.List;
import java.util.Optional;

/** {@code leadflow fmt}: the canonical text of a rule file, or the syntax errors that prevent formatting. */
public final class Formatter {
    private Formatter() { }

    /** One expression in canonical source form (used to label the rule graph). */
    public static String expression(io.leadflow.dsl.ast.Expr e) {
        return ExprPrinter.print(e);
    }

    public static Formatted format(String path, String source) {
        Diagnostics sink = new Diagnostics();
        try {
            ParsedFile parsed = RuleParser.parse(path, source, sink);
            if (parsed.ast().isEmpty() || sink.hasErrors()) return new Formatted(Optional.empty(), sink.all());
            Out out = new Out(parsed.comments());
            new FilePrinter(out).file(parsed.ast().get());
            return new Formatted(Optional.of(out.text()), List.of());
        } catch (StackOverflowError e) {
            sink.error(io.leadflow.dsl.DiagnosticCode.LF107, "nesting too deep to format", new io.leadflow.dsl.SourceSpan(path, 1, 1, 1, 1));
            return new Formatted(Optional.empty(), sink.all());
        }
    }
}

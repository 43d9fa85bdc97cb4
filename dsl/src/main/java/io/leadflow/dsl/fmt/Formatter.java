package io.leadflow.dsl.fmt;

import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.dsl.parse.RuleParser;
import java.util.List;
import java.util.Optional;

/** {@code leadflow fmt}: the canonical text of a rule file, or the syntax errors that prevent formatting. */
public final class Formatter {
    private Formatter() { }

    /** @param text   the formatted file when it parsed, else empty
     *  @param errors the syntax errors when it did not */
    public record Result(Optional<String> text, List<Diagnostic> errors) { }

    public static Result format(String path, String source) {
        Diagnostics sink = new Diagnostics();
        ParsedFile parsed = RuleParser.parse(path, source, sink);
        if (parsed.ast().isEmpty() || sink.hasErrors()) return new Result(Optional.empty(), sink.all());
        Out out = new Out(parsed.comments());
        new FilePrinter(out).file(parsed.ast().get());
        return new Result(Optional.of(out.text()), List.of());
    }
}

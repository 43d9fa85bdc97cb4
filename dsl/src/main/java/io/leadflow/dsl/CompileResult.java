package io.leadflow.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program, or every diagnostic. A program is present only when no diagnostic is an error.
 *
 * @param sources the text of every file read, by path, so diagnostics can be rendered with their line
 */
public record CompileResult(Optional<Program> program, List<Diagnostic> diagnostics, Map<String, String> sources) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        sources = Map.copyOf(sources);
    }

    public boolean ok() {
        return program.isPresent();
    }

    /** Every diagnostic rendered with its source line and caret, one after another. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            String text = sources.get(d.span().file());
            String line = null;
            if (text != null) {
                String[] lines = text.split("\r?\n", -1);
                if (d.span().line() >= 1 && d.span().line() <= lines.length) line = lines[d.span().line() - 1];
            }
            b.append(d.render(line)).append('\n');
        }
        return b.toString();
    }
}

package io.leadflow.dsl.decide;

import io.leadflow.dsl.SourceSpan;
import java.util.Map;

/** The text a span covers, for messages and traces ({@code deal.open}); the span's position when the source is unknown. */
public final class SourceText {
    private SourceText() { }

    public static String of(Map<String, String> sources, SourceSpan s) {
        String text = sources.get(s.file());
        if (text == null) return s.at();
        String[] lines = text.split("\r?\n", -1);
        if (s.line() < 1 || s.endLine() > lines.length) return s.at();
        if (s.line() == s.endLine()) {
            String l = lines[s.line() - 1];
            return l.substring(Math.min(l.length(), s.column() - 1), Math.min(l.length(), Math.max(s.column() - 1, s.endColumn() - 1))).strip();
        }
        StringBuilder b = new StringBuilder(lines[s.line() - 1].substring(Math.min(lines[s.line() - 1].length(), s.column() - 1)));
        for (int i = s.line(); i < s.endLine(); i++) {
            String l = lines[i];
            b.append(' ').append(i == s.endLine() - 1 ? l.substring(0, Math.min(l.length(), s.endColumn() - 1)) : l).append(' ');
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }
}

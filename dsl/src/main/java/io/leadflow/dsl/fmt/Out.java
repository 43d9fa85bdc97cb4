package io.leadflow.dsl.fmt;

import io.leadflow.dsl.parse.Comment;
import java.util.ArrayList;
import java.util.List;

/** The output being built, line by line, with the source comments still to place. */
final class Out {
    private final List<String> lines = new ArrayList<>();
    private final List<Comment> comments;
    private int next;
    private int lastSourceLine;

    Out(List<Comment> comments) {
        this.comments = comments;
    }

    /** Places the comments written before {@code line}, and a blank line where the source had one. */
    void before(int line, String indent) {
        boolean first = true;
        while (next < comments.size() && comments.get(next).line() < line) {
            Comment c = comments.get(next++);
            blankIfGap(c.line(), first);
            first = false;
            lines.add(indent + c.text().strip());
            lastSourceLine = c.line();
        }
        blankIfGap(line, first);
    }

    private void blankIfGap(int line, boolean first) {
        if (lastSourceLine > 0 && line - lastSourceLine > 1 && !lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()
                && !lines.get(lines.size() - 1).endsWith("{")) {
            lines.add("");
        }
    }

    /** Adds a line for source lines up to {@code to}, with a comment that trails it on its last line. */
    void line(String text, int to) {
        line(text, to, Integer.MAX_VALUE);
    }

    /** As {@link #line(String, int)}, but a comment at or after {@code beforeColumn} belongs to what follows on that line. */
    void line(String text, int to, int beforeColumn) {
        StringBuilder b = new StringBuilder(text);
        while (next < comments.size() && comments.get(next).line() == to && comments.get(next).column() < beforeColumn) {
            b.append("  ").append(comments.get(next++).text().strip());
        }
        lines.add(b.toString());
        lastSourceLine = Math.max(lastSourceLine, to);
    }

    /** A line with no source of its own (a closing brace). */
    void plain(String text) {
        lines.add(text);
    }

    /** The column where the first of {@code nodes} starts if it is on {@code line}, else no limit. */
    static int limit(java.util.List<? extends io.leadflow.dsl.ast.Node> nodes, int index, int line) {
        if (index >= nodes.size()) return Integer.MAX_VALUE;
        var span = nodes.get(index).span();
        return span.line() == line ? span.column() : Integer.MAX_VALUE;
    }

    void blank() {
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) lines.add("");
    }

    void rest() {
        while (next < comments.size()) {
            Comment c = comments.get(next++);
            blankIfGap(c.line(), false);
            lines.add(c.text().strip());
            lastSourceLine = c.line();
        }
    }

    String text() {
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}

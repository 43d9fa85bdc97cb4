package io.leadflow.dsl.parse;

import io.leadflow.dsl.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR positions into {@link SourceSpan}s. A template hole is parsed on its own, so its
 * positions are shifted to the line and column of the hole inside the string.
 */
final class Spans {
    private final String file;
    private final int line;
    private final int columnShift;

    Spans(String file) {
        this(file, 0, 0);
    }

    /** For a hole: every token is on source line {@code line}, {@code columnShift} columns to the right. */
    Spans(String file, int line, int columnShift) {
        this.file = file;
        this.line = line;
        this.columnShift = columnShift;
    }

    String file() {
        return file;
    }

    int lineOf(int antlrLine) {
        return line > 0 ? line : antlrLine;
    }

    int columnOf(int antlrColumn) {
        return antlrColumn + 1 + columnShift;
    }

    SourceSpan of(Token t) {
        int len = t.getStopIndex() >= t.getStartIndex() ? t.getStopIndex() - t.getStartIndex() + 1 : 1;
        return new SourceSpan(file, lineOf(t.getLine()), columnOf(t.getCharPositionInLine()),
                lineOf(t.getLine()), columnOf(t.getCharPositionInLine()) + len);
    }

    SourceSpan of(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() != null && ctx.getStop().getTokenIndex() >= start.getTokenIndex() ? ctx.getStop() : start;
        SourceSpan end = of(stop);
        return new SourceSpan(file, lineOf(start.getLine()), columnOf(start.getCharPositionInLine()),
                end.endLine(), end.endColumn());
    }

    SourceSpan between(Token start, ParserRuleContext endCtx) {
        SourceSpan end = of(endCtx);
        return new SourceSpan(file, lineOf(start.getLine()), columnOf(start.getCharPositionInLine()),
                end.endLine(), end.endColumn());
    }
}

package io.leadflow.dsl;

/** A region of a rule file; lines and columns start at 1, the end column is exclusive. */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

    public String at() {
        return file + ":" + line + ":" + column;
    }
}

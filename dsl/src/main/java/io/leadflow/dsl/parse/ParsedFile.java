package io.leadflow.dsl.parse;

import io.leadflow.dsl.ast.RuleFile;
import java.util.List;
import java.util.Optional;

/** One file after parsing: the AST when the text had no syntax error, and its comments. */
public record ParsedFile(String path, String text, Optional<RuleFile> ast, List<Comment> comments) {
    public ParsedFile {
        comments = List.copyOf(comments);
    }
}

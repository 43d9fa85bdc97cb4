package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;

/** One {@code .flow} file: its imports, then its declarations in source order. */
public record RuleFile(String path, List<ImportDecl> imports, List<TopDecl> decls, SourceSpan span) implements Node {
    public RuleFile {
        imports = List.copyOf(imports);
        decls = List.copyOf(decls);
    }
}

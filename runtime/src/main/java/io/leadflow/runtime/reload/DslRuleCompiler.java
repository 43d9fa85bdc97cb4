package io.leadflow.runtime.reload;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.spi.ConnectorCatalog;
import java.nio.file.Path;
import java.util.List;

/** The dsl module's compiler behind {@link RuleCompiler}, checking mappings against the connectors on the class path. */
public final class DslRuleCompiler implements RuleCompiler {
    private final LeadflowCompiler compiler;

    public DslRuleCompiler(ConnectorCatalog catalog) {
        this.compiler = Leadflow.compiler(catalog);
    }

    @Override
    public CompileResult compile(List<Path> files) {
        return compiler.compile(files);
    }

    @Override
    public CompileResult compileSources(java.util.Map<String, String> sources) {
        return compiler.compileSources(sources);
    }
}

package io.leadflow.runtime.reload;

import io.leadflow.dsl.CompileResult;
import java.nio.file.Path;
import java.util.List;

/** Compiles a set of rule files. The seam between the runtime and the dsl compiler. */
public interface RuleCompiler {

    /**
     * Compiles every file together. Never throws for bad rule text: problems are diagnostics in
     * the result. An {@link java.io.IOException} reading a file is reported the same way.
     */
    CompileResult compile(List<Path> files);

    /**
     * Compiles rule texts held in memory (path to text, as {@link CompileResult#sources()} gives
     * them): how an ORIGINAL replay recompiles a stored version. Compilers that cannot say so.
     */
    default CompileResult compileSources(java.util.Map<String, String> sources) {
        throw new UnsupportedOperationException("this rule compiler cannot compile stored rule texts");
    }
}

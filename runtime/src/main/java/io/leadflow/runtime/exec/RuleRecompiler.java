package io.leadflow.runtime.exec;

import io.leadflow.dsl.CompileResult;
import java.util.Map;

/** Compiles stored rule texts (path to text) again, with the compiler the runtime loads rules with. May block: called on a worker. */
@FunctionalInterface
public interface RuleRecompiler {
    CompileResult compile(Map<String, String> sources);
}

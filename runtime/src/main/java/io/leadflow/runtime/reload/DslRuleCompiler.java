package io.leadflow.runtime.reload;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.spi.ConnectorCatalog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dsl module's compiler behind {@link RuleCompiler}. It reaches the facade
 * {@code io.leadflow.dsl.Leadflow.compiler(ConnectorCatalog).compile(List<Path>)} reflectively
 * because the facade is being built alongside this runtime; when it is absent every compile
 * answers one clear diagnostic instead of failing the process. Replace with a direct call once
 * the facade is on main.
 */
public final class DslRuleCompiler implements RuleCompiler {
    private final ConnectorCatalog catalog;

    public DslRuleCompiler(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public CompileResult compile(List<Path> files) {
        Object compiler;
        Method compile;
        try {
            Class<?> facade = Class.forName("io.leadflow.dsl.Leadflow");
            compiler = facade.getMethod("compiler", ConnectorCatalog.class).invoke(null, catalog);
            compile = compiler.getClass().getMethod("compile", List.class);
        } catch (ReflectiveOperationException e) {
            return unavailable(files, "the rule compiler (io.leadflow.dsl.Leadflow) is not part of this build: " + e);
        }
        try {
            return (CompileResult) compile.invoke(compiler, files);
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            return unavailable(files, "the rule compiler failed: " + c);
        } catch (IllegalAccessException e) {
            return unavailable(files, "the rule compiler cannot be called: " + e);
        }
    }

    private static CompileResult unavailable(List<Path> files, String message) {
        String file = files.isEmpty() ? "<rules>" : files.get(0).toString();
        return new CompileResult(Optional.empty(), List.of(new Diagnostic(Diagnostic.Severity.ERROR, "LF000", message,
                new SourceSpan(file, 1, 1, 1, 1))), Map.of());
    }
}

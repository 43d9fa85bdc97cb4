package io.leadflow.dsl.compile;

import io.leadflow.dsl.Program;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.spi.ConnectorCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one compilation knows, filled phase by phase. Mutable and confined to one
 * compiling thread; what it builds (the Program) is immutable.
 */
public final class CompileContext {
    private final ConnectorCatalog catalog;
    private final Builtins builtins;
    private final Diagnostics diagnostics;
    private final SourceLoader loader;
    private final List<String> roots;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, ParsedFile> files = new LinkedHashMap<>();
    private final Map<String, Scope> fileScopes = new LinkedHashMap<>();
    private final List<FlowUnit> flows = new ArrayList<>();
    private final Map<Class<?>, Object> extensions = new HashMap<>();
    private Program program;

    public CompileContext(ConnectorCatalog catalog, Builtins builtins, SourceLoader loader, List<String> roots) {
        this.catalog = catalog;
        this.builtins = builtins;
        this.loader = loader;
        this.roots = List.copyOf(roots);
        this.diagnostics = new Diagnostics();
    }

    public ConnectorCatalog catalog() {
        return catalog;
    }

    public Builtins builtins() {
        return builtins;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public SourceLoader loader() {
        return loader;
    }

    /** The files the compilation was asked for, before imports. */
    public List<String> roots() {
        return roots;
    }

    /** Every file read (roots and imports), by path, for rendering and the content hash. */
    public Map<String, String> sources() {
        return sources;
    }

    public Map<String, ParsedFile> files() {
        return files;
    }

    /** The global names each file sees (its own and its imports' declarations, and {@code lead}). */
    public Map<String, Scope> fileScopes() {
        return fileScopes;
    }

    public List<FlowUnit> flows() {
        return flows;
    }

    public Program program() {
        return program;
    }

    public void program(Program p) {
        this.program = p;
    }

    /** State a phase added by another part of the language keeps for its later phases (one value per type). */
    public <T> T extension(Class<T> type, Function<CompileContext, T> create) {
        return type.cast(extensions.computeIfAbsent(type, k -> create.apply(this)));
    }

    public <T> java.util.Optional<T> extension(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(extensions.get(type)));
    }
}

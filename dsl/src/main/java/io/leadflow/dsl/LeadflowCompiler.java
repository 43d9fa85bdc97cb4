package io.leadflow.dsl;

import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.compile.CheckSchemaPhase;
import io.leadflow.dsl.compile.CheckTypesPhase;
import io.leadflow.dsl.compile.FileSourceLoader;
import io.leadflow.dsl.compile.LoadPhase;
import io.leadflow.dsl.compile.LoadRequest;
import io.leadflow.dsl.compile.MapSourceLoader;
import io.leadflow.dsl.compile.Pipeline;
import io.leadflow.dsl.compile.ResolveNamesPhase;
import io.leadflow.dsl.compile.SourceLoader;
import io.leadflow.dsl.decide.DecisionsPhase;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.exec.BuildPhase;
import io.leadflow.dsl.exec.Decided;
import io.leadflow.dsl.exec.PlanGraphPhase;
import io.leadflow.dsl.sources.CheckSchedulesPhase;
import io.leadflow.dsl.sources.CheckSourcesPhase;
import io.leadflow.spi.ConnectorCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiles rule files. Immutable and reusable. The phases are one literal list, each handing its
 * product to the next: every checking phase runs, so one compilation reports every error of
 * every phase at once; the phases that build executable code run only when no error was found.
 * Never throws on bad input: every problem is a diagnostic in the result.
 */
public final class LeadflowCompiler {
    private final Pipeline<LoadRequest, Decided> checks;
    private final Pipeline<Decided, Program> build;
    private final ConnectorCatalog catalog;

    LeadflowCompiler(ConnectorCatalog catalog, Builtins builtins) {
        this(catalog, builtins, List.of());
    }

    /** @param accounts account descriptions to check custom fields against (phase {@code check-account}); empty: none */
    LeadflowCompiler(ConnectorCatalog catalog, Builtins builtins, List<io.leadflow.spi.account.AccountSchema> accounts) {
        this.catalog = catalog;
        this.checks = Pipeline.of(new LoadPhase())
                .then(new ResolveNamesPhase(builtins))
                .then(new CheckTypesPhase(builtins))
                .then(new CheckSchemaPhase(catalog, builtins))
                .then(new io.leadflow.dsl.compile.CheckAccountPhase(accounts))
                .then(new CheckSourcesPhase(catalog))
                .then(new CheckSchedulesPhase(catalog))
                .then(new DecisionsPhase(builtins));
        this.build = Pipeline.of(new PlanGraphPhase())
                .then(new BuildPhase(builtins));
    }

    /** The connectors, sources and jobs this compiler checks against (the test runner generates leads from the sources' payloads). */
    public ConnectorCatalog catalog() {
        return catalog;
    }

    /** The names of the phases in the order they run. */
    public List<String> phases() {
        List<String> names = new ArrayList<>(checks.names());
        names.addAll(build.names());
        return List.copyOf(names);
    }

    /** Compiles files and directories (recursing into {@code *.flow}) from disk; imports stay inside those folders. */
    public CompileResult compile(List<Path> paths) {
        List<String> roots = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (Path p : paths) {
            Path folder = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            if (folder != null) folders.add(folder);
            List<String> found = expand(p);
            if (found.isEmpty()) {
                SourceSpan at = new SourceSpan(p.toString(), 1, 1, 1, 1);
                return new CompileResult(Optional.empty(), List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                        DiagnosticCode.LF204, "no rule files (*.flow) under " + p, at)), Map.of());
            }
            roots.addAll(found);
        }
        return run(new FileSourceLoader(folders), roots);
    }

    /** Compiles in-memory sources: path to text; imports resolve among them. */
    public CompileResult compileSources(Map<String, String> pathToText) {
        return run(new MapSourceLoader(pathToText), pathToText.keySet().stream().sorted().toList());
    }

    private CompileResult run(SourceLoader loader, List<String> roots) {
        Diagnostics sink = new Diagnostics();
        SourceSpan where = new SourceSpan(roots.isEmpty() ? "?" : roots.get(0), 1, 1, 1, 1);
        Optional<Decided> checked = checks.run(new LoadRequest(roots, loader), sink, where);
        Optional<Program> program = checked.isEmpty() || sink.hasErrors() ? Optional.empty() : build.run(checked.get(), sink, where);
        Map<String, String> sources = checked.map(c -> c.targeted().resolved().sources()).orElse(Map.of());
        return new CompileResult(sink.hasErrors() ? Optional.empty() : program, sink.all(), sources);
    }

    /** A file as is; a directory as every {@code *.flow} under it, sorted. */
    public static List<String> expand(Path p) {
        // normalised like import targets, so "./a/x.flow" and an import of "x.flow" name one file
        if (!Files.isDirectory(p)) return List.of(p.normalize().toString());
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(f -> f.toString().endsWith(".flow") && Files.isRegularFile(f))
                    .map(f -> f.normalize().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of(p.toString());
        }
    }
}

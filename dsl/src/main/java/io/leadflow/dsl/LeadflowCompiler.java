package io.leadflow.dsl;

import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.compile.CheckSchemaPhase;
import io.leadflow.dsl.compile.CheckTypesPhase;
import io.leadflow.dsl.compile.CompileContext;
import io.leadflow.dsl.compile.FileSourceLoader;
import io.leadflow.dsl.compile.LoadPhase;
import io.leadflow.dsl.compile.MapSourceLoader;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.compile.PlanGraphPhase;
import io.leadflow.dsl.compile.ResolveNamesPhase;
import io.leadflow.dsl.compile.SourceLoader;
import io.leadflow.dsl.exec.BuildPhase;
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
 * Compiles rule files. Immutable and reusable: the phase list is data, and {@link #withPhaseBefore}
 * returns a compiler with one more phase (the decisions part of the language adds its own).
 * Never throws on bad input: every problem is a diagnostic in the result.
 */
public final class LeadflowCompiler {
    private final ConnectorCatalog catalog;
    private final Builtins builtins;
    private final List<Phase> phases;

    LeadflowCompiler(ConnectorCatalog catalog, Builtins builtins, List<Phase> phases) {
        this.catalog = catalog;
        this.builtins = builtins;
        this.phases = List.copyOf(phases);
    }

    /**
     * The standard phases in order: load, resolve-names, check-types, check-schema, check-sources,
     * check-schedules, plan-graph, build.
     */
    public static List<Phase> standardPhases() {
        return List.of(new LoadPhase(), new ResolveNamesPhase(), new CheckTypesPhase(), new CheckSchemaPhase(),
                new CheckSourcesPhase(), new CheckSchedulesPhase(), new PlanGraphPhase(), new BuildPhase());
    }

    public List<Phase> phases() {
        return phases;
    }

    public Builtins builtins() {
        return builtins;
    }

    /** A compiler with {@code phase} inserted before the phase named {@code before} (at the end when there is none). */
    public LeadflowCompiler withPhaseBefore(String before, Phase phase) {
        List<Phase> list = new ArrayList<>(phases);
        int i = 0;
        while (i < list.size() && !list.get(i).name().equals(before)) i++;
        list.add(i, phase);
        return new LeadflowCompiler(catalog, builtins, list);
    }

    /** A compiler with {@code phase} inserted after the phase named {@code after} (at the end when there is none). */
    public LeadflowCompiler withPhaseAfter(String after, Phase phase) {
        List<Phase> list = new ArrayList<>(phases);
        int i = 0;
        while (i < list.size() && !list.get(i).name().equals(after)) i++;
        list.add(Math.min(i + 1, list.size()), phase);
        return new LeadflowCompiler(catalog, builtins, list);
    }

    public LeadflowCompiler withBuiltins(Builtins more) {
        return new LeadflowCompiler(catalog, more, phases);
    }

    /** Compiles files and directories (recursing into {@code *.flow}) from disk. */
    public CompileResult compile(List<Path> paths) {
        List<String> roots = new ArrayList<>();
        for (Path p : paths) {
            List<String> found = expand(p);
            if (found.isEmpty()) {
                SourceSpan at = new SourceSpan(p.toString(), 1, 1, 1, 1);
                return new CompileResult(Optional.empty(), List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                        io.leadflow.dsl.diag.Code.LF204.name(), "no rule files (*.flow) under " + p, at)), Map.of());
            }
            roots.addAll(found);
        }
        return run(new FileSourceLoader(), roots);
    }

    /** Compiles in-memory sources: path to text; imports resolve among them. */
    public CompileResult compileSources(Map<String, String> pathToText) {
        return run(new MapSourceLoader(pathToText), pathToText.keySet().stream().sorted().toList());
    }

    private CompileResult run(SourceLoader loader, List<String> roots) {
        CompileContext ctx = new CompileContext(catalog, builtins, loader, roots);
        for (Phase phase : phases) {
            try {
                phase.run(ctx);
            } catch (StackOverflowError e) {
                ctx.diagnostics().error(io.leadflow.dsl.diag.Code.LF107, "nesting too deep to compile (thousands of brackets?)",
                        new SourceSpan(roots.isEmpty() ? "?" : roots.get(0), 1, 1, 1, 1));
            } catch (RuntimeException e) {
                // A compiler bug must not hide the user's diagnostics or crash a reload; report it as one.
                ctx.diagnostics().error(io.leadflow.dsl.diag.Code.LF101, "internal compiler error in phase " + phase.name() + ": " + e,
                        new SourceSpan(roots.isEmpty() ? "?" : roots.get(0), 1, 1, 1, 1));
            }
            if (ctx.diagnostics().hasErrors()) break;
        }
        Optional<Program> program = ctx.diagnostics().hasErrors() ? Optional.empty() : Optional.ofNullable(ctx.program());
        return new CompileResult(program, ctx.diagnostics().all(), ctx.sources());
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

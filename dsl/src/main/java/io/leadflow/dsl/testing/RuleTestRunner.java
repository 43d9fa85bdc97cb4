package io.leadflow.dsl.testing;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.Program;
import io.leadflow.dsl.ast.ExpectStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.TestDecl;
import io.leadflow.dsl.ast.TopDecl;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.scenario.CrmState;
import io.leadflow.dsl.scenario.Scenario;
import io.leadflow.dsl.parse.RuleParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@code test} blocks of rule files (L12): compiles the files, then for each test runs
 * its flow over its lead against its CRM state and checks every {@code expect}. A test names its
 * flow with {@code flow "…"}; without it, the first flow of its own file, else of the files it imports
 * (a {@code *_test.flow} file next to the rules), else the program's only flow.
 */
public final class RuleTestRunner {
    /** How many leads the built-in properties try per flow unless told otherwise. */
    public static final int DEFAULT_TRIES = 200;

    private final LeadflowCompiler compiler;
    private final int tries;
    private final long seed;

    /** Runs the test blocks and the built-in properties ({@value #DEFAULT_TRIES} leads per flow, a random seed). */
    public RuleTestRunner(LeadflowCompiler compiler) {
        this(compiler, DEFAULT_TRIES, new java.util.SplittableRandom().nextLong());
    }

    /** @param tries generated leads per flow for the built-in properties (0: test blocks only) */
    public RuleTestRunner(LeadflowCompiler compiler, int tries, long seed) {
        if (tries < 0) throw new IllegalArgumentException("tries must be ≥ 0");
        this.compiler = compiler;
        this.tries = tries;
        this.seed = seed;
    }

    public TestReport run(List<Path> paths) {
        return run(compiler.compile(paths));
    }

    public TestReport runSources(Map<String, String> sources) {
        return run(compiler.compileSources(sources));
    }

    private TestReport run(CompileResult result) {
        Coverage coverage = new Coverage();
        if (!result.ok()) return new TestReport(List.of(), result.render(), coverage);
        Program program = result.program().orElseThrow();
        Map<String, FlowDecl> flows = new LinkedHashMap<>();
        Map<String, List<FlowDecl>> flowsByFile = new LinkedHashMap<>();
        List<Map.Entry<String, TestDecl>> tests = new ArrayList<>();
        Map<String, List<String>> imports = new LinkedHashMap<>();
        for (Map.Entry<String, String> src : result.sources().entrySet()) {
            var ast = RuleParser.parse(src.getKey(), src.getValue(), new Diagnostics()).ast();
            if (ast.isEmpty()) continue;
            imports.put(src.getKey(), ast.get().imports().stream()
                    .map(i -> Path.of(src.getKey()).resolveSibling(i.path()).normalize().toString()).toList());
            for (TopDecl d : ast.get().decls()) {
                if (d instanceof FlowDecl f) {
                    flows.putIfAbsent(f.name(), f);
                    flowsByFile.computeIfAbsent(src.getKey(), k -> new ArrayList<>()).add(f);
                }
                if (d instanceof TestDecl t) tests.add(Map.entry(src.getKey(), t));
            }
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        List<PropertyOutcome> properties = new ArrayList<>();
        flows.values().forEach(coverage::flow);
        for (var e : tests) {
            TestDecl t = e.getValue();
            if (t.property()) {
                if (tries > 0) properties.add(property(t, e.getKey(), program, flows, flowsByFile, imports));
                continue;
            }
            try {
                RuleTest test = RuleTest.of(t);
                Optional<String> name = test.flow().or(() -> firstFlow(e.getKey(), flowsByFile, imports))
                        .or(() -> flows.size() == 1 ? Optional.of(flows.keySet().iterator().next()) : Optional.empty());
                if (name.isEmpty() || program.flow(name.get()).isEmpty()) {
                    outcomes.add(new TestOutcome(t.name(), t.span().at(), List.of(name.map(n -> "no flow \"" + n + "\"")
                            .orElse("which flow? add flow \"name\" to the test")), null, null));
                    continue;
                }
                outcomes.add(one(test, program.flow(name.get()).get(), flows.get(name.get()), coverage));
            } catch (IllegalArgumentException | RuleException ex) {
                outcomes.add(new TestOutcome(t.name(), t.span().at(), List.of(ex.getMessage()), null, null));
            } catch (RuntimeException ex) {
                // An engine bug must fail this test visibly, not end the run with a stack trace.
                outcomes.add(new TestOutcome(t.name(), t.span().at(), List.of("internal error: " + ex), null, null));
            }
        }
        Coverage reached = new Coverage();
        if (tries > 0) {
            for (Flow f : program.flows()) {
                FlowDecl decl = flows.get(f.name());
                if (decl == null) continue;
                reached.flow(decl);
                properties.add(new PropertyRunner(f, decl, compiler.catalog()).run(tries, seed, reached));
            }
        }
        return new TestReport(outcomes, "", coverage, properties, tries > 0 ? reached : null);
    }

    /** A {@code property} block: its flow found as a test's is, then generated leads against its expectations. */
    private PropertyOutcome property(TestDecl t, String file, Program program, Map<String, FlowDecl> flows,
                                     Map<String, List<FlowDecl>> flowsByFile, Map<String, List<String>> imports) {
        Optional<String> named = t.body().stream().filter(s -> s instanceof io.leadflow.dsl.ast.TestFlowStmt)
                .map(s -> ((io.leadflow.dsl.ast.TestFlowStmt) s).flow()).findFirst();
        Optional<String> name = named.or(() -> firstFlow(file, flowsByFile, imports))
                .or(() -> flows.size() == 1 ? Optional.of(flows.keySet().iterator().next()) : Optional.empty());
        String title = "property \"" + t.name() + "\"";
        if (name.isEmpty() || program.flow(name.get()).isEmpty()) {
            return PropertyOutcome.broken(title, t.span().at(), seed, name.map(n -> "no flow \"" + n + "\"")
                    .orElse("which flow? add flow \"name\" to the property"));
        }
        try {
            return new PropertyRunner(program.flow(name.get()).get(), flows.get(name.get()), compiler.catalog()).runUser(t, tries, seed);
        } catch (IllegalArgumentException | RuleException ex) {
            return PropertyOutcome.broken(title, t.span().at(), seed, ex.getMessage());
        }
    }

    /** The first flow of the test's own file, else of the files it imports (a {@code *_test.flow} file). */
    private static Optional<String> firstFlow(String file, Map<String, List<FlowDecl>> byFile, Map<String, List<String>> imports) {
        List<String> files = new ArrayList<>(List.of(file));
        files.addAll(imports.getOrDefault(file, List.of()));
        return files.stream().flatMap(f -> byFile.getOrDefault(f, List.of()).stream()).findFirst().map(FlowDecl::name);
    }

    private static TestOutcome one(RuleTest test, Flow flow, FlowDecl decl, Coverage coverage) {
        CrmState crm = CrmState.fromJson(test.crm(), flow.marker());
        Scenario.Run run = Scenario.run(flow, decl, Scenario.requireLead(test.lead()), crm, test.managers(), test.clock());
        coverage.record(run.decision().trace());
        List<String> failures = new ArrayList<>();
        for (ExpectStmt x : test.expectations()) {
            Expectations.check(x, run.decision()).ifPresent(f -> failures.add(f + "   (" + x.span().at() + ")"));
        }
        String rule = run.decision().trace().steps().stream()
                .filter(s -> s.kind().equals("rule") && s.data() != null && s.data().path("matched").asBoolean(false))
                .map(s -> s.detail() + " (" + s.at() + ")").findFirst().orElse(null);
        return new TestOutcome(test.name(), test.span().at(), failures, rule, run.decision());
    }
}

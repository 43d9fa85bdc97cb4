package io.leadflow.bench;

import io.leadflow.connector.baselinker.BaselinkerSchema;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.spi.ConnectorCatalog;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Warm compile (parse, check, build) of a generated 5,000-line rule file: what {@code leadflow check} and a reload cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
    String source;
    LeadflowCompiler compiler;

    @Setup
    public void setUp() {
        source = RuleFileGenerator.generate(5_000);
        compiler = Leadflow.compiler(ConnectorCatalog.of(BaselinkerSchema.DESCRIPTOR));
        CompileResult r = compile();
        if (!r.ok()) throw new IllegalStateException(r.render());
    }

    @Benchmark
    public CompileResult compile() {
        return compiler.compileSources(Map.of("big.flow", source));
    }
}

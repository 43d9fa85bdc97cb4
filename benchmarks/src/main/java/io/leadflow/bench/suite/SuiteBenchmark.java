package io.leadflow.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The mapping suite of issue 17: every workload of {@link Workloads}, three contestants, both paths.
 * {@code java -jar benchmarks/target/benchmarks.jar SuiteBenchmark -f 3 -wi 3 -i 5 -w 1s -r 1s -prof gc}
 * (one workload: {@code -p workload=horoshop_5}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SuiteBenchmark {
    @Param({"site_form_6", "horoshop_5", "horoshop_50", "calltouch_call", "baselinker_seed003", "templates_tables", "deep_missing",
            "example_site_form", "example_calltouch"})
    public String workload;

    Suite s;

    @Setup
    public void setUp() {
        s = Suite.of(workload);
        s.check();
    }

    @Benchmark public JsonNode leadflowTree() { return s.leadflowTree(); }
    @Benchmark public JsonNode closuresTree() { return s.closuresTree(); }
    @Benchmark public JsonNode jsltTree() { return s.jsltTree(); }
    @Benchmark public JsonNode handTree() { return s.handTree(); }
    @Benchmark public byte[] leadflowBytes() throws Exception { return s.leadflowBytes(); }
    @Benchmark public byte[] leadflowTreeBytes() throws Exception { return s.leadflowTreeBytes(); }
    @Benchmark public byte[] jsltBytes() throws Exception { return s.jsltBytes(); }
    @Benchmark public byte[] handBytes() throws Exception { return s.handBytes(); }
}

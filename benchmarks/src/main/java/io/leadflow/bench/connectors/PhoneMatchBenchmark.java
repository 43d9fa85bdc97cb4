package io.leadflow.bench.connectors;

import io.leadflow.connector.phone.PhoneVariants;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The per-candidate phone re-check every text-search lookup runs (libphonenumber parse + format). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhoneMatchBenchmark {
    private final String stored = "+38 (067) 123-45-67";
    private final String e164 = "+380671234567";

    @Benchmark
    public boolean sameNumber() {
        return PhoneVariants.sameNumber(stored, e164);
    }

    @Benchmark
    public Object variants() {
        return PhoneVariants.of(e164);
    }
}

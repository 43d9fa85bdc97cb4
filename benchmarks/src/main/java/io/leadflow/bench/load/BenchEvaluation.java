package io.leadflow.bench.load;

import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Trace;
import io.leadflow.spi.record.LookupRequest;
import java.util.List;
import java.util.Optional;

/** Nothing dropped, nothing looked up; each lead is its own contact lane. */
record BenchEvaluation(String contactKey) implements Evaluation {
    @Override public Optional<String> dropReason() { return Optional.empty(); }
    @Override public Optional<LookupRequest> lookup() { return Optional.empty(); }
    @Override public Trace trace() { return new Trace(List.of()); }
}

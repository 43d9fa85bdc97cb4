package io.leadflow.runtime.testkit;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import java.util.List;
import java.util.Optional;

/** A program of stub flows with a given content hash. */
public record StubProgram(List<Flow> flows, String contentHash) implements Program {
    public static StubProgram of(String hash, String... flowNames) {
        return new StubProgram(java.util.Arrays.stream(flowNames).<Flow>map(n -> new StubFlow(n, "baselinker", "main")).toList(), hash);
    }

    @Override public Optional<Flow> flow(String name) { return flows.stream().filter(f -> f.name().equals(name)).findFirst(); }
    @Override public List<Schedule> schedules() { return List.of(); }
}

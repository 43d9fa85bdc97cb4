package io.leadflow.runtime.exec;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import java.util.List;
import java.util.Optional;

/** A program of stub flows and schedules with a given content hash. */
public record StubProgram(String contentHash, List<Flow> flows, List<Schedule> schedules) implements Program {

    public static StubProgram of(String hash, Flow... flows) {
        return new StubProgram(hash, List.of(flows), List.of());
    }

    @Override
    public Optional<Flow> flow(String name) {
        return flows.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}

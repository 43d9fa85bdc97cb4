package io.leadflow.bench.load;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.reload.RuleCompiler;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compiles any rule folder to the one {@link BenchFlow}: the load run measures the runtime, not the compiler. */
public final class BenchCompiler implements RuleCompiler {
    @Override
    public CompileResult compile(List<Path> files) {
        Flow flow = new BenchFlow();
        Program p = new Program() {
            @Override public List<Flow> flows() { return List.of(flow); }
            @Override public Optional<Flow> flow(String name) { return name.equals(flow.name()) ? Optional.of(flow) : Optional.empty(); }
            @Override public String contentHash() { return "bench000000000000000000000000000000000000000000000000000000000000"; }
            @Override public List<Schedule> schedules() { return List.of(); }
        };
        return new CompileResult(Optional.of(p), List.of(), Map.of());
    }
}

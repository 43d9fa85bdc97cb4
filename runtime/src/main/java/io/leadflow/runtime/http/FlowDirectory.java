package io.leadflow.runtime.http;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.config.Slugs;
import io.leadflow.runtime.exec.ProgramSource;
import java.util.Optional;

/** Finds the flow a URL names: by slug ({@code horoshop-orders}) or by its exact (URL-decoded) name. */
public final class FlowDirectory {
    private final ProgramSource programs;

    public FlowDirectory(ProgramSource programs) {
        this.programs = programs;
    }

    public Optional<Flow> find(String urlName) {
        Program p = programs.current();
        if (p == null || urlName == null) return Optional.empty();
        Optional<Flow> exact = p.flow(urlName);
        if (exact.isPresent()) return exact;
        String slug = Slugs.of(urlName);
        return p.flows().stream().filter(f -> Slugs.of(f.name()).equals(slug)).findFirst();
    }

    public Program current() {
        return programs.current();
    }

    public ProgramSource programs() {
        return programs;
    }
}

package io.leadflow.runtime.exec;

import io.leadflow.dsl.Program;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The in-memory {@link ProgramSource}: an atomic reference plus every version seen since start, by hash. */
public final class ProgramHolder implements ProgramSource {
    private final AtomicReference<Program> current = new AtomicReference<>();
    private final Map<String, Program> byHash = new ConcurrentHashMap<>();

    public ProgramHolder() { }

    public ProgramHolder(Program initial) {
        swap(initial);
    }

    @Override
    public Program current() {
        return current.get();
    }

    @Override
    public void swap(Program program) {
        byHash.put(program.contentHash(), program);
        current.set(program);
    }

    @Override
    public void remember(Program program) {
        byHash.putIfAbsent(program.contentHash(), program);
    }

    @Override
    public Optional<Program> byHash(String contentHash) {
        return contentHash == null ? Optional.empty() : Optional.ofNullable(byHash.get(contentHash));
    }
}

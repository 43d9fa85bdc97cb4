package io.leadflow.dsl.exec;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A compiled set of rule files. Immutable. */
public final class CompiledProgram implements Program {
    private final List<FlowProgram> flows;
    private final List<Schedule> schedules;
    private final String hash;

    public CompiledProgram(List<FlowProgram> flows, List<Schedule> schedules, Map<String, String> sources) {
        this.flows = List.copyOf(flows);
        this.schedules = List.copyOf(schedules);
        this.hash = hash(sources);
    }

    @Override
    public List<Flow> flows() {
        return List.copyOf(flows);
    }

    @Override
    public Optional<Flow> flow(String name) {
        return flows.stream().filter(f -> f.name().equals(name)).map(Flow.class::cast).findFirst();
    }

    @Override
    public String contentHash() {
        return hash;
    }

    @Override
    public List<Schedule> schedules() {
        return schedules;
    }

    /** SHA-256 over the files sorted by path: path, NUL, content, NUL for each. */
    static String hash(Map<String, String> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : new TreeMap<>(sources).entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.leadflow.runtime.schedule;

import io.leadflow.dsl.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The jobs schedules may name, by name. Immutable; build one with {@link #with}. Only the
 * built-in {@code log} job exists so far: product and price sync jobs are not built yet.
 */
public final class JobRegistry {
    private final Map<String, ScheduledJob> jobs;

    private JobRegistry(Map<String, ScheduledJob> jobs) {
        this.jobs = Map.copyOf(jobs);
    }

    /** The built-in jobs: {@code log} (writes one line per run; for trying schedules out). */
    public static JobRegistry builtins() {
        return new JobRegistry(Map.of(BuiltinJobSpecs.LOG.name(), new LogJob()));
    }

    public static JobRegistry empty() {
        return new JobRegistry(Map.of());
    }

    /** A registry with one more job (replacing one of the same name). */
    public JobRegistry with(String name, ScheduledJob job) {
        Map<String, ScheduledJob> copy = new HashMap<>(jobs);
        copy.put(name, job);
        return new JobRegistry(copy);
    }

    public Optional<ScheduledJob> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** One message per schedule naming an unknown job ({@code file:line:col: schedule x: unknown job y; known: log}). */
    public List<String> check(Program program) {
        List<String> errors = new ArrayList<>();
        for (Program.Schedule s : program.schedules()) {
            if (!jobs.containsKey(s.job())) errors.add(unknownJob(s));
        }
        return errors;
    }

    String unknownJob(Program.Schedule s) {
        return s.at_() + ": schedule " + s.name() + ": unknown job '" + s.job() + "'; known jobs: "
                + String.join(", ", new TreeSet<>(jobs.keySet()));
    }
}

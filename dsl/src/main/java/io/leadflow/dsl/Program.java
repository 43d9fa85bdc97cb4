package io.leadflow.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A compiled set of rule files. Immutable and thread-safe; replaced whole on reload. */
public interface Program {

    List<Flow> flows();

    Optional<Flow> flow(String name);

    /** SHA-256 (hex) over the rule files' paths and contents: the rule version every lead records. */
    String contentHash();

    /** The periodic jobs declared with {@code schedule} (L11). */
    List<Schedule> schedules();

    /**
     * @param name  the schedule's name
     * @param every the period
     * @param at    time of day ({@code "03:00"}) or null
     * @param job   the job's function name ({@code sync_prices})
     * @param args  its named arguments, as constants
     * @param at_   where it is declared ({@code file:line:col})
     */
    record Schedule(String name, Duration every, String at, String job, java.util.Map<String, Object> args, String at_) { }
}

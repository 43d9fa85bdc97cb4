package io.leadflow.runtime.exec;

import io.leadflow.dsl.Program;
import java.util.Optional;

/**
 * The rules currently in force, swappable atomically by a reload. A lead takes
 * {@link #current()} once when its run starts and finishes on that version, whatever is
 * swapped in meanwhile. Thread-safe. {@link ProgramHolder} is the in-memory implementation.
 */
public interface ProgramSource {

    /** The program in force, or null before any rules were loaded (leads then wait). */
    Program current();

    /** Replaces the program in force; runs already started keep theirs. */
    void swap(Program program);

    /**
     * A program by its {@link Program#contentHash()}: the current one or any swapped in since
     * start. Replays of the ORIGINAL version need it.
     */
    Optional<Program> byHash(String contentHash);

    /** Makes an older version (recompiled from stored rule texts) findable by {@link #byHash} without putting it in force. */
    void remember(Program program);
}

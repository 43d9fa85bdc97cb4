package io.leadflow.runtime.journal.sqlite;

import java.time.Duration;

/**
 * SQLite journal settings.
 *
 * @param fileName       database file inside the data directory
 * @param queueCapacity  writes waiting for the writer; past it appends fail as overloaded (503)
 * @param maxBatch       most writes in one group commit (one fsync)
 * @param readers        read connections (registry queries, claims' reads)
 * @param checkpointIdle run {@code wal_checkpoint(TRUNCATE)} after the writer has been idle this long
 * @param durability     FULL (the only shipped setting); NORMAL exists only so T3 can prove its test bites
 */
public record JournalOptions(String fileName, int queueCapacity, int maxBatch, int readers,
                             Duration checkpointIdle, Durability durability) {

    /** The {@code PRAGMA synchronous} level. */
    public enum Durability { FULL, NORMAL }

    public static JournalOptions defaults() {
        return new JournalOptions("leadflow.db", 16_384, 512, 4, Duration.ofSeconds(5), Durability.FULL);
    }

    public JournalOptions withDurability(Durability d) {
        return new JournalOptions(fileName, queueCapacity, maxBatch, readers, checkpointIdle, d);
    }

    public JournalOptions withCheckpointIdle(Duration idle) {
        return new JournalOptions(fileName, queueCapacity, maxBatch, readers, idle, durability);
    }

    public JournalOptions withQueueCapacity(int capacity) {
        return new JournalOptions(fileName, capacity, maxBatch, readers, checkpointIdle, durability);
    }
}

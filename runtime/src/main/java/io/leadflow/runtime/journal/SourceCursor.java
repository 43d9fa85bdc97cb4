package io.leadflow.runtime.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one pull source stands, as the journal stores it.
 *
 * @param key       the cursor's name: one per flow, source kind and account ({@code "orders-feed|retailcrm.orders_history|shop"});
 *                  the puller builds it, the journal only compares it
 * @param position  the feed's own position, opaque to the journal (RetailCRM: the last history {@code id} read;
 *                  Horoshop: the time window and offset reached), written by the source's puller
 * @param updatedAt when the position last moved (the commit that moved it)
 * @param leads     how many leads the commits that moved it recorded in all (duplicates included)
 */
public record SourceCursor(String key, String position, Instant updatedAt, long leads) {
    public SourceCursor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}

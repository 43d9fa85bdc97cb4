package io.leadflow.connector.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One read of a pulled source: the records after the cursor given, oldest first, each as the
 * source's own JSON (the lead payload), and the cursor to store durably and pass next time.
 * {@code more} says the source holds further records right now (call again without waiting).
 * The cursor is opaque to the runtime; {@code null} on the first read means "from the
 * connector's configured start".
 */
public record PullBatch(List<ObjectNode> records, String cursor, boolean more) {
    public PullBatch {
        records = List.copyOf(records);
    }
}

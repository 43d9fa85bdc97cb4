package io.leadflow.connector.catalog;

import io.vertx.core.Future;
import java.util.Optional;

/** Where a schedule's sync keeps its {@link SyncCheckpoint}; a save is durable when its future completes. */
public interface CheckpointStore {
    Future<Optional<SyncCheckpoint>> load(String schedule);

    Future<Void> save(String schedule, SyncCheckpoint checkpoint);
}

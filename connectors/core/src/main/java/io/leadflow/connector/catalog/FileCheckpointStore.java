package io.leadflow.connector.catalog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checkpoints as one small JSON file per schedule in a folder (under the data folder): written to
 * a temporary file, forced to disk and moved over the old one atomically, on a worker thread, so
 * a kill at any moment leaves either the previous checkpoint or the new one, never a torn file.
 */
public final class FileCheckpointStore implements CheckpointStore {
    private final Vertx vertx;
    private final Path folder;

    public FileCheckpointStore(Vertx vertx, Path folder) {
        this.vertx = vertx;
        this.folder = folder;
    }

    private Path file(String schedule) {
        return folder.resolve("sync-" + schedule.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    @Override
    public Future<Optional<SyncCheckpoint>> load(String schedule) {
        return vertx.executeBlocking(() -> {
            Path f = file(schedule);
            if (!Files.exists(f)) return Optional.<SyncCheckpoint>empty();
            return Optional.of(SyncCheckpoint.fromJson(new JsonObject(Files.readString(f, StandardCharsets.UTF_8))));
        }, false);
    }

    @Override
    public Future<Void> save(String schedule, SyncCheckpoint checkpoint) {
        return vertx.executeBlocking(() -> {
            write(file(schedule), checkpoint.toJson().encode());
            return null;
        }, false);
    }

    private void write(Path target, String text) throws IOException {
        Files.createDirectories(folder);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

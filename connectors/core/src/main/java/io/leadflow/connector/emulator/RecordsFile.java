package io.leadflow.connector.emulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An emulator's records in one JSON file (its {@code GET /__emulator/state} records), so
 * {@code serve --sandbox} restarted on the same data folder finds what it delivered before.
 * Written whole, to a temporary file then renamed over the old one, at most every 250 ms after a
 * change and on close; not fsync'd: the sandbox is a stand-in, and a kill -9 can lose the last
 * quarter second of emulator writes (the journal, not this file, is the durable record).
 */
final class RecordsFile {
    static final long SAVE_EVERY_MS = 250;
    private final Vertx vertx;
    private final Path path;
    private final Supplier<JsonObject> snapshot;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final long timer;
    private String lastWritten;
    private Future<Void> writing = Future.succeededFuture();

    private RecordsFile(Vertx vertx, Path path, Supplier<JsonObject> snapshot, String lastWritten) {
        this.vertx = vertx;
        this.path = path;
        this.snapshot = snapshot;
        this.lastWritten = lastWritten;
        this.timer = vertx.setPeriodic(SAVE_EVERY_MS, id -> save());
    }

    /** Reads {@code path} (absent: no records) into {@code restore}, then keeps it up to date. */
    static Future<RecordsFile> open(Vertx vertx, Path path, Supplier<JsonObject> snapshot, Consumer<JsonObject> restore) {
        return vertx.executeBlocking(() -> Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : null, false)
                .map(text -> {
                    JsonObject records;
                    try {
                        records = text == null ? new JsonObject() : new JsonObject(text);
                    } catch (DecodeException e) {
                        throw new IllegalArgumentException("emulator records file " + path + " is not readable JSON ("
                                + e.getMessage() + "); move it away to start with no records");
                    }
                    try {
                        restore.accept(records);
                    } catch (RuntimeException e) {
                        if (e instanceof UnsupportedOperationException) throw e;
                        throw new IllegalArgumentException("emulator records file " + path + " could not be restored ("
                                + e + "); move it away to start with no records", e);
                    }
                    return new RecordsFile(vertx, path, snapshot, text);
                });
    }

    Path path() {
        return path;
    }

    void changed() {
        dirty.set(true);
    }

    /** Writes the records if they changed; the last write is waited for. */
    synchronized Future<Void> save() {
        if (!dirty.getAndSet(false)) return writing;
        String text;
        try {
            text = snapshot.get().encode();
        } catch (ConcurrentModificationException e) {
            dirty.set(true);                       // a handler was changing a record: next time
            return writing;
        }
        if (text.equals(lastWritten)) return writing;
        lastWritten = text;
        writing = writing.eventually(() -> vertx.executeBlocking(() -> {
            write(text);
            return null;
        }, true));
        return writing;
    }

    private void write(String text) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write emulator records to " + path, e);
        }
    }

    /** Stops the periodic save after a last one. */
    Future<Void> close() {
        vertx.cancelTimer(timer);
        dirty.set(true);
        return save();
    }
}

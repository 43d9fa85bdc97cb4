package io.leadflow.connector.ratelimit;

import io.leadflow.connector.AccountConfig;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An account's calls of the last rate-limit period, kept in a small file so that a restarted
 * process knows what the CRM still counts: its {@link TokenBucket} is primed with them (and one
 * more, for a call whose write the previous process may not have finished) instead of starting
 * full. Without it, four restarts in a minute earned 62 × 429 from a 60/min CRM.
 *
 * <p>The file (one epoch-millisecond time per line) is named by the account's
 * {@value #SETTING} setting; {@code serve} sets it to a file under the data folder for every
 * account with real credentials. Writes are asynchronous and coalesced (one in flight); a lost
 * write costs at most the calls made during it, which the extra primed call covers for one.
 */
public final class RateLimitMemory {
    public static final String SETTING = "rate_limit_state";
    private static final Logger LOG = Logger.getLogger(RateLimitMemory.class.getName());

    private final Vertx vertx;
    private final Path file;
    private final long periodMillis;
    private final int permits;
    private final ArrayDeque<Long> calls = new ArrayDeque<>();
    private boolean writing;
    private boolean dirty;
    private final List<io.vertx.core.Promise<Void>> waitingForIdle = new ArrayList<>();

    private RateLimitMemory(Vertx vertx, Path file, RateLimit limit) {
        this.vertx = vertx;
        this.file = file;
        this.periodMillis = limit.period().toMillis();
        this.permits = limit.permits();
    }

    /** The account's memory when its settings name a file; empty otherwise (tests, emulators). */
    public static Optional<RateLimitMemory> forAccount(Vertx vertx, AccountConfig account, RateLimit limit) {
        String path = account.setting(SETTING, null);
        return path == null ? Optional.empty() : Optional.of(new RateLimitMemory(vertx, Path.of(path), limit));
    }

    /**
     * Reads the previous process's calls (asynchronously) and marks them, plus one, as used in
     * {@code bucket}; the caller sends nothing before the returned future completes. An
     * unreadable file counts as the whole budget just used.
     */
    public Future<Void> prime(TokenBucket bucket) {
        return vertx.fileSystem().exists(file.toString())
                .compose(exists -> exists ? vertx.fileSystem().readFile(file.toString()).map(Buffer::toString) : Future.succeededFuture(""))
                .map(text -> {
                    long now = System.currentTimeMillis();
                    List<Duration> ages = new ArrayList<>();
                    for (String line : text.split("\n")) {
                        if (line.isBlank()) continue;
                        long at = Long.parseLong(line.trim());
                        if (now - at < periodMillis) {
                            ages.add(Duration.ofMillis(Math.max(0, now - at)));
                            synchronized (this) {
                                calls.add(at);
                            }
                        }
                    }
                    return ages;
                })
                .recover(e -> {
                    LOG.warning("rate limit memory " + file + " is unreadable (" + e + "); the account waits one period before its first call");
                    List<Duration> all = new ArrayList<>();
                    for (int i = 0; i < permits; i++) all.add(Duration.ZERO);
                    return Future.succeededFuture(all);
                })
                .map(ages -> {
                    if (!ages.isEmpty()) ages.add(Duration.ZERO);
                    bucket.primeUsed(ages);
                    return (Void) null;
                });
    }

    /** A call was granted now. */
    public void record() {
        long now = System.currentTimeMillis();
        synchronized (this) {
            calls.add(now);
            while (calls.size() > permits || (!calls.isEmpty() && now - calls.peekFirst() >= periodMillis)) calls.pollFirst();
            if (writing) {
                dirty = true;
                return;
            }
            writing = true;
        }
        write();
    }

    /** Completes once every recorded call is in the file (a graceful stop waits for it). */
    public Future<Void> flushed() {
        synchronized (this) {
            if (!writing) return Future.succeededFuture();
            io.vertx.core.Promise<Void> p = io.vertx.core.Promise.promise();
            waitingForIdle.add(p);
            return p.future();
        }
    }

    private void write() {
        StringBuilder b = new StringBuilder();
        synchronized (this) {
            for (long at : calls) b.append(at).append('\n');
            dirty = false;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        vertx.fileSystem().mkdirs(file.toAbsolutePath().getParent().toString())
                .compose(v -> vertx.fileSystem().writeFile(tmp.toString(), Buffer.buffer(b.toString())))
                .compose(v -> vertx.fileSystem().move(tmp.toString(), file.toString(),
                        new io.vertx.core.file.CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
                .onComplete(ar -> {
                    if (ar.failed()) LOG.warning("cannot write rate limit memory " + file + ": " + ar.cause());
                    boolean again;
                    List<io.vertx.core.Promise<Void>> done = List.of();
                    synchronized (this) {
                        again = dirty;
                        writing = again;
                        if (!again) {
                            done = new ArrayList<>(waitingForIdle);
                            waitingForIdle.clear();
                        }
                    }
                    if (again) write();
                    done.forEach(io.vertx.core.Promise::tryComplete);
                });
    }
}

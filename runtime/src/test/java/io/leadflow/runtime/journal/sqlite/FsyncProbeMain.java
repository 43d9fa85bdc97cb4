package io.leadflow.runtime.journal.sqlite;

import io.leadflow.runtime.journal.Await;
import io.leadflow.runtime.journal.Leads;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process for the strace variant of T3: opens a journal with the given durability,
 * makes N sequential acknowledged appends, prints "commits=C acks=N", exits.
 * Usage: {@code FsyncProbeMain DIR FULL|NORMAL N}
 */
public final class FsyncProbeMain {
    private FsyncProbeMain() { }

    public static void main(String[] args) {
        Vertx vertx = Vertx.vertx();
        JournalOptions options = JournalOptions.defaults().withDurability(JournalOptions.Durability.valueOf(args[1]));
        SqliteJournal journal = Await.result(SqliteJournal.open(vertx, Path.of(args[0]), options));
        int n = Integer.parseInt(args[2]);
        long before = journal.durabilityProbe().commits();
        for (int i = 0; i < n; i++) Await.result(journal.append(Leads.json("orders", "p-" + i, "{}", Instant.now())));
        long commits = journal.durabilityProbe().commits() - before;
        System.out.println("commits=" + commits + " acks=" + n);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}

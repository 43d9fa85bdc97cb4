package io.leadflow.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.leadflow.runtime.journal.sqlite.ClusterLeases;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A claim refused by the lease fence (partitions moved while a node joined) is told apart from a real failure. */
class ClaimFenceTest {

    @Test
    void theFenceIsFoundWhereverTheJournalWrappedIt() {
        var fence = new ClusterLeases.NotLeaseHolderException("node-a", "another node took one of its partitions");
        assertSame(fence, ExecutorVerticle.fencedBy(fence));
        assertSame(fence, ExecutorVerticle.fencedBy(new CompletionException(new RuntimeException("claim", fence))));
    }

    @Test
    void anyOtherFailureIsNotAFence() {
        assertNull(ExecutorVerticle.fencedBy(new SQLException("connection refused")));
        assertNull(ExecutorVerticle.fencedBy(new RuntimeException(new IllegalStateException("x"))));
        assertNull(ExecutorVerticle.fencedBy(null));
    }
}

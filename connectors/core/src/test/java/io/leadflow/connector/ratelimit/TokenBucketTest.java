package io.leadflow.connector.ratelimit;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final ManualTimers timers = new ManualTimers();
    private final TokenBucket bucket = new TokenBucket(timers, 10, Duration.ofSeconds(1), Duration.ofMillis(20));

    private List<Future<Void>> acquire(int n) {
        List<Future<Void>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(bucket.acquire());
        return out;
    }

    private static long done(List<Future<Void>> fs) {
        return fs.stream().filter(Future::succeeded).count();
    }

    @Test
    void tryAcquire_takesAFreePermitAtOnce_andNeverQueues() {
        for (int i = 0; i < 10; i++) assertEquals(Duration.ZERO, bucket.tryAcquire(timers.nanoTime()));
        assertEquals(Duration.ofMillis(1020), bucket.tryAcquire(timers.nanoTime()), "until the first permit is back");
        assertEquals(0, bucket.waiting(), "a refusal queues nothing");
        timers.advanceMillis(1020);
        assertEquals(Duration.ZERO, bucket.tryAcquire(timers.nanoTime()));
    }

    @Test
    void tryAcquire_respectsAPause_andTheCallersAlreadyWaiting() {
        bucket.pause(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(5), bucket.tryAcquire(timers.nanoTime()));
        TokenBucket busy = new TokenBucket(timers, 1, Duration.ofSeconds(1), Duration.ZERO);
        busy.acquire();
        busy.acquire(); // waits
        assertNotEquals(Duration.ZERO, busy.tryAcquire(timers.nanoTime() + Duration.ofSeconds(2).toNanos()),
                "a caller already queued goes first");
    }

    @Test
    void grantsUpToThePermitsAtOnce_thenWaits() {
        List<Future<Void>> fs = acquire(15);
        assertEquals(10, done(fs));
        assertEquals(5, bucket.waiting());
    }

    @Test
    void permitComesBackOnePeriodPlusMarginAfterUse() {
        List<Future<Void>> fs = acquire(11);
        timers.advanceMillis(1019);
        assertEquals(10, done(fs));
        timers.advanceMillis(1);
        assertEquals(11, done(fs));
    }

    @Test
    void servesWaitersInArrivalOrder() {
        acquire(10);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            bucket.acquire().onSuccess(v -> order.add(n));
        }
        timers.advanceMillis(2000);
        assertEquals(List.of(0, 1, 2, 3, 4), order);
    }

    @Test
    void neverExceedsThePermitsInAnySlidingWindow_underBacklog() {
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < 300; i++) bucket.acquire().onSuccess(v -> grants.add(timers.nanoTime()));
        for (int t = 0; t < 40_000 && grants.size() < 300; t += 7) timers.advanceMillis(7);
        assertEquals(300, grants.size());
        for (int i = 10; i < grants.size(); i++) {
            assertTrue(grants.get(i) - grants.get(i - 10) >= 1_000_000_000L, "11 grants inside one second at " + i);
        }
        double seconds = (grants.get(299) - grants.get(0)) / 1e9;
        double used = 299 / seconds / 10.0;
        assertTrue(used >= 0.95, "used " + used + " of the limit");
    }

    @Test
    void pause_holdsEveryPermitUntilItEnds() {
        bucket.pause(Duration.ofSeconds(3));
        List<Future<Void>> fs = acquire(2);
        timers.advanceMillis(2999);
        assertEquals(0, done(fs));
        timers.advanceMillis(1);
        assertEquals(2, done(fs));
    }

    @Test
    void pause_shorterThanCurrentOne_doesNotShortenIt() {
        bucket.pause(Duration.ofSeconds(5));
        bucket.pause(Duration.ofSeconds(1));
        List<Future<Void>> fs = acquire(1);
        timers.advanceMillis(4000);
        assertEquals(0, done(fs));
        timers.advanceMillis(1000);
        assertEquals(1, done(fs));
    }

    @Test
    void arrangesOnlyOneTimerForManyWaiters() {
        acquire(50);
        assertEquals(1, timers.pending());
    }

    @Test
    void takenPermit_comesBackOnePeriodAfterItsRelease_notItsGrant() {
        List<TokenBucket.Permit> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) bucket.take().onSuccess(held::add);
        Future<TokenBucket.Permit> eleventh = bucket.take();
        timers.advanceMillis(5000);
        assertFalse(eleventh.isComplete(), "all ten still in flight");
        held.get(0).release();
        timers.advanceMillis(1019);
        assertFalse(eleventh.isComplete());
        timers.advanceMillis(1);
        assertTrue(eleventh.succeeded());
    }

    @Test
    void releasingTwice_returnsThePermitOnce() {
        TokenBucket one = new TokenBucket(timers, 1, Duration.ofSeconds(1), Duration.ZERO);
        TokenBucket.Permit p = one.take().result();
        p.release();
        p.release();
        timers.advanceMillis(1000);
        assertEquals(1, one.available());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(timers, 0, Duration.ofSeconds(1), Duration.ZERO));
    }

    @Test
    void defaultMargin_staysBetween10And200Millis() {
        assertEquals(Duration.ofMillis(10), TokenBucket.defaultMargin(Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(200), TokenBucket.defaultMargin(Duration.ofMinutes(1)));
        assertEquals(Duration.ofMillis(5), TokenBucket.defaultMargin(Duration.ofMillis(100)));
    }
}

package io.leadflow.connector.ratelimit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that moves only when the test says so; scheduled tasks run as time passes them. */
public final class ManualTimers implements Timers {
    private long now;
    private final List<long[]> due = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(long delayMillis, Runnable task) {
        due.add(new long[] {now + delayMillis * 1_000_000L, tasks.size()});
        tasks.add(task);
    }

    public void advanceMillis(long ms) {
        long end = now + ms * 1_000_000L;
        while (true) {
            long[] next = due.stream().filter(d -> d[0] <= end).min(Comparator.comparingLong(d -> d[0])).orElse(null);
            if (next == null) break;
            due.remove(next);
            now = Math.max(now, next[0]);
            tasks.get((int) next[1]).run();
        }
        now = end;
    }

    public int pending() {
        return due.size();
    }
}

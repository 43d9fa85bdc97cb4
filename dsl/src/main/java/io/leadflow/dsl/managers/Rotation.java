package io.leadflow.dsl.managers;

import io.leadflow.dsl.ManagerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks a manager deterministically from the persisted counts: the eligible member with the
 * lowest assigned/weight ratio, ties to the one listed first. Because the state is the only
 * memory, the rotation is as fair after a restart as before it. Counts of managers no longer in
 * the list are kept untouched (they may come back).
 */
public final class Rotation {
    private Rotation() { }

    public static Pick pick(ManagerCollection c, ManagerState state, Predicate<String> excluded) {
        Map<String, Long> counts = state.assigned().getOrDefault(c.name(), Map.of());
        Member best = null;
        long bestCount = 0;
        List<String> out = new ArrayList<>();
        for (Member m : c.members()) {
            if (excluded.test(m.id())) {
                out.add(m.id());
                continue;
            }
            long n = counts.getOrDefault(m.id(), 0L);
            // n / w < bestCount / bestWeight without division; weights are at most Member.MAX_WEIGHT
            if (best == null || n * best.weight() < bestCount * m.weight()) {
                best = m;
                bestCount = n;
            }
        }
        if (best == null) return new Pick(Optional.empty(), state, out);
        return new Pick(Optional.of(best.id()), increment(state, c.name(), best.id()), out);
    }

    static ManagerState increment(ManagerState state, String collection, String manager) {
        Map<String, Map<String, Long>> all = new HashMap<>(state.assigned());
        Map<String, Long> one = new HashMap<>(all.getOrDefault(collection, Map.of()));
        one.merge(manager, 1L, Long::sum);
        all.put(collection, Map.copyOf(one));
        return new ManagerState(all);
    }
}

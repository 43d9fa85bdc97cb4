package io.leadflow.dsl.managers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.ManagerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RotationProperties {

    private static ManagerCollection rotate(int size) {
        List<Member> ms = new ArrayList<>();
        for (int i = 0; i < size; i++) ms.add(new Member(String.valueOf(101 + i), 1));
        return new ManagerCollection("sales", Strategy.ROTATE, ms);
    }

    private static Map<String, Long> run(ManagerCollection c, int leads, ManagerState start) {
        ManagerState s = start;
        Map<String, Long> got = new HashMap<>();
        for (int i = 0; i < leads; i++) {
            Pick p = Rotation.pick(c, s, m -> false);
            got.merge(p.manager().orElseThrow(), 1L, Long::sum);
            s = p.state();
        }
        return got;
    }

    @Property(tries = 300)
    void roundRobin_sharesDifferByAtMostOne(@ForAll @IntRange(min = 1, max = 9) int size, @ForAll @IntRange(min = 0, max = 200) int leads) {
        Map<String, Long> got = run(rotate(size), leads, ManagerState.EMPTY);
        long max = 0;
        long min = Long.MAX_VALUE;
        for (Member m : rotate(size).members()) {
            long n = got.getOrDefault(m.id(), 0L);
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        assertTrue(max - min <= 1, got.toString());
    }

    @Property(tries = 300)
    void weighted_sharesMatchWeightsWithinOneRound(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 6) Integer> weights,
                                                  @ForAll @IntRange(min = 0, max = 300) int leads) {
        List<Member> ms = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < weights.size(); i++) {
            ms.add(new Member("m" + i, weights.get(i)));
            total += weights.get(i);
        }
        ManagerCollection c = new ManagerCollection("w", Strategy.WEIGHTED, ms);
        Map<String, Long> got = run(c, leads, ManagerState.EMPTY);
        for (Member m : ms) {
            double ideal = (double) leads * m.weight() / total;
            long n = got.getOrDefault(m.id(), 0L);
            assertTrue(Math.abs(n - ideal) <= m.weight(), m + " got " + n + " ideal " + ideal);
            if (leads % total == 0) assertEquals(leads / total * m.weight(), n, "after whole rounds");
        }
    }

    @Property(tries = 200)
    void restartFromPersistedState_continuesTheSameRotation(@ForAll @IntRange(min = 1, max = 6) int size,
                                                           @ForAll @IntRange(min = 0, max = 50) int before,
                                                           @ForAll @IntRange(min = 1, max = 50) int after) {
        ManagerCollection c = rotate(size);
        ManagerState s = ManagerState.EMPTY;
        List<String> straight = new ArrayList<>();
        for (int i = 0; i < before + after; i++) {
            Pick p = Rotation.pick(c, s, m -> false);
            straight.add(p.manager().orElseThrow());
            s = p.state();
        }
        ManagerState persisted = ManagerState.EMPTY;
        for (int i = 0; i < before; i++) persisted = Rotation.pick(c, persisted, m -> false).state();
        ManagerState restored = new ManagerState(new HashMap<>(persisted.assigned()));
        List<String> resumed = new ArrayList<>();
        for (int i = 0; i < after; i++) {
            Pick p = Rotation.pick(c, restored, m -> false);
            resumed.add(p.manager().orElseThrow());
            restored = p.state();
        }
        assertEquals(straight.subList(before, before + after), resumed);
    }

    @Property(tries = 200)
    void excludedManager_isNeverPicked(@ForAll @IntRange(min = 2, max = 6) int size, @ForAll @IntRange(min = 0, max = 5) int out,
                                       @ForAll @IntRange(min = 1, max = 40) int leads) {
        ManagerCollection c = rotate(size);
        String excluded = c.members().get(out % size).id();
        ManagerState s = ManagerState.EMPTY;
        for (int i = 0; i < leads; i++) {
            Pick p = Rotation.pick(c, s, excluded::equals);
            assertTrue(!p.manager().orElseThrow().equals(excluded));
            assertEquals(List.of(excluded), p.excluded());
            s = p.state();
        }
    }
}

package io.leadflow.dsl.decide.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Decides, over every {@link Case}, which rules can match and whether some case matches none.
 * A rule is unreachable when no case makes it true while every earlier rule is false. Exact for
 * the propositional model; gives up (reports nothing) above {@link #MAX_FREE} free atoms.
 */
public final class RuleAnalysis {
    public static final int MAX_FREE = 10;

    /** @param unreachable indexes of rules that never decide; @param uncovered a case no rule takes, if any */
    public record Result(boolean analysed, List<Integer> unreachable, Map<Integer, List<Integer>> shadowedBy,
                         Optional<Case> uncovered, List<String> freeKeys, List<String> freeTexts) { }

    private RuleAnalysis() { }

    /**
     * @param conditions the {@code when} conditions in order
     * @param find       whether the flow has {@code find} (otherwise nothing is ever found)
     * @param text       source text of an atom's expression, for messages
     */
    public static Result analyse(List<Formula> conditions, boolean find, java.util.function.Function<Formula.Atom, String> text) {
        Map<String, String> free = new LinkedHashMap<>();
        for (Formula f : conditions) atoms(f, a -> {
            if (a.presence() == null) free.putIfAbsent(a.key(), text.apply(a));
        });
        List<String> keys = List.copyOf(free.keySet());
        List<String> texts = List.copyOf(free.values());
        if (keys.size() > MAX_FREE) return new Result(false, List.of(), Map.of(), Optional.empty(), keys, texts);
        int n = conditions.size();
        boolean[] decides = new boolean[n];
        Map<Integer, List<Integer>> shadowedBy = new LinkedHashMap<>();
        Case uncovered = null;
        for (World w : World.all(find)) {
            for (long bits = 0; bits < 1L << keys.size(); bits++) {
                Case c = new Case(w, keys, bits);
                int first = -1;
                List<Integer> trueOnes = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (c.eval(conditions.get(i))) {
                        trueOnes.add(i);
                        if (first < 0) first = i;
                    }
                }
                if (first < 0) {
                    if (uncovered == null) uncovered = c;
                    continue;
                }
                decides[first] = true;
                for (int i : trueOnes) {
                    if (i != first) shadowedBy.computeIfAbsent(i, k -> new ArrayList<>()).add(first);
                }
            }
        }
        List<Integer> unreachable = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!decides[i]) unreachable.add(i);
        Map<Integer, List<Integer>> shadows = new LinkedHashMap<>();
        for (int i : unreachable) shadows.put(i, shadowedBy.getOrDefault(i, List.of()).stream().distinct().sorted().toList());
        return new Result(true, unreachable, shadows, Optional.ofNullable(uncovered), keys, texts);
    }

    static void atoms(Formula f, Consumer<Formula.Atom> out) {
        if (f instanceof Formula.Atom a) out.accept(a);
        else if (f instanceof Formula.Not n) atoms(n.operand(), out);
        else if (f instanceof Formula.And a) a.parts().forEach(p -> atoms(p, out));
        else if (f instanceof Formula.Or o) o.parts().forEach(p -> atoms(p, out));
    }
}

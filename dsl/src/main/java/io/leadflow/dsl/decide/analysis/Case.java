package io.leadflow.dsl.decide.analysis;

import java.util.List;

/** One world plus a truth value for every free atom: a concrete case the rules must handle. */
public record Case(World world, List<String> freeKeys, long bits) {

    public boolean free(String key) {
        int i = freeKeys.indexOf(key);
        return i >= 0 && (bits >> i & 1) == 1;
    }

    public boolean eval(Formula f) {
        if (f instanceof Formula.Const c) return c.value();
        if (f instanceof Formula.Not n) return !eval(n.operand());
        if (f instanceof Formula.And a) return a.parts().stream().allMatch(this::eval);
        if (f instanceof Formula.Or o) return o.parts().stream().anyMatch(this::eval);
        Formula.Atom a = (Formula.Atom) f;
        return a.presence() != null ? a.presence().in(world) : free(a.key());
    }

    /** "a contact without deals" plus the free atoms that matter, for messages. */
    public String describe(List<String> atomTexts) {
        StringBuilder b = new StringBuilder(world.describe());
        for (int i = 0; i < freeKeys.size(); i++) {
            b.append(", ").append(atomTexts.get(i)).append(" is ").append((bits >> i & 1) == 1 ? "true" : "false");
        }
        return b.toString();
    }
}

package io.leadflow.dsl.compile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names visible at a point of a rule file. Immutable: {@link #with} returns a new scope. A
 * scope may also know why a name is not visible here ({@link #unavailable}), so the checker can
 * say "filters run before find" instead of a bare "unknown name".
 */
public final class Scope {
    private final Map<String, Symbol> names;
    private final Map<String, String> whyNot;
    private final boolean incomplete;

    private Scope(Map<String, Symbol> names, Map<String, String> whyNot, boolean incomplete) {
        this.names = names;
        this.whyNot = whyNot;
        this.incomplete = incomplete;
    }

    public static Scope of(Map<String, Symbol> names) {
        return of(names, false);
    }

    /**
     * @param incomplete whether some declarations could not be read (a file it imports has a
     *                   syntax error or is missing): a name it does not know is then not reported
     */
    public static Scope of(Map<String, Symbol> names, boolean incomplete) {
        return new Scope(new LinkedHashMap<>(names), Map.of(), incomplete);
    }

    /** Whether declarations this scope would hold could not be read (already reported where they are). */
    public boolean incomplete() {
        return incomplete;
    }

    public Scope with(Symbol s) {
        Map<String, Symbol> m = new LinkedHashMap<>(names);
        m.put(s.name(), s);
        Map<String, String> w = new LinkedHashMap<>(whyNot);
        w.remove(s.name());
        return new Scope(m, w, incomplete);
    }

    /** This scope without {@code name}, remembering why it cannot be read here. */
    public Scope unavailable(String name, String why) {
        Map<String, Symbol> m = new LinkedHashMap<>(names);
        m.remove(name);
        Map<String, String> w = new LinkedHashMap<>(whyNot);
        w.put(name, why);
        return new Scope(m, w, incomplete);
    }

    public Optional<Symbol> find(String name) {
        return Optional.ofNullable(names.get(name));
    }

    /** Why {@code name} cannot be read here, when the scope knows. */
    public Optional<String> whyNot(String name) {
        return Optional.ofNullable(whyNot.get(name));
    }

    public Collection<String> names() {
        return names.keySet();
    }
}

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

    private Scope(Map<String, Symbol> names, Map<String, String> whyNot) {
        this.names = names;
        this.whyNot = whyNot;
    }

    public static Scope of(Map<String, Symbol> names) {
        return new Scope(new LinkedHashMap<>(names), Map.of());
    }

    public Scope with(Symbol s) {
        Map<String, Symbol> m = new LinkedHashMap<>(names);
        m.put(s.name(), s);
        Map<String, String> w = new LinkedHashMap<>(whyNot);
        w.remove(s.name());
        return new Scope(m, w);
    }

    /** This scope without {@code name}, remembering why it cannot be read here. */
    public Scope unavailable(String name, String why) {
        Map<String, Symbol> m = new LinkedHashMap<>(names);
        m.remove(name);
        Map<String, String> w = new LinkedHashMap<>(whyNot);
        w.put(name, why);
        return new Scope(m, w);
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

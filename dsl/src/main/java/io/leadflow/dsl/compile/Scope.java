package io.leadflow.dsl.compile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The names visible at a point of a rule file. Immutable: {@link #with} returns a new scope. */
public final class Scope {
    private final Map<String, Symbol> names;

    private Scope(Map<String, Symbol> names) {
        this.names = names;
    }

    public static Scope of(Map<String, Symbol> names) {
        return new Scope(new LinkedHashMap<>(names));
    }

    public Scope with(Symbol s) {
        Map<String, Symbol> m = new LinkedHashMap<>(names);
        m.put(s.name(), s);
        return new Scope(m);
    }

    public Optional<Symbol> find(String name) {
        return Optional.ofNullable(names.get(name));
    }

    public Collection<String> names() {
        return names.keySet();
    }
}

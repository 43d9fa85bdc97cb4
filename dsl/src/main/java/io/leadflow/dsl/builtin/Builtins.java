package io.leadflow.dsl.builtin;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable set of builtins. {@link #standard()} is the language's; {@link #with} makes an extended copy. */
public final class Builtins {
    private final Map<String, BuiltinSpec> byName;

    private Builtins(Map<String, BuiltinSpec> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Builtins of(List<BuiltinSpec> specs) {
        Map<String, BuiltinSpec> m = new LinkedHashMap<>();
        for (BuiltinSpec s : specs) m.put(s.name(), s);
        return new Builtins(m);
    }

    public static Builtins standard() {
        List<BuiltinSpec> all = new java.util.ArrayList<>();
        all.addAll(TextBuiltins.specs());
        all.addAll(NumberBuiltins.specs());
        all.addAll(ListBuiltins.specs());
        all.addAll(NullBuiltins.specs());
        all.addAll(RegexBuiltins.specs());
        all.addAll(DateBuiltins.specs());
        return of(all);
    }

    public Builtins with(BuiltinSpec... more) {
        Map<String, BuiltinSpec> m = new LinkedHashMap<>(byName);
        for (BuiltinSpec s : more) m.put(s.name(), s);
        return new Builtins(m);
    }

    public Optional<BuiltinSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    public List<BuiltinSpec> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(BuiltinSpec::name)).toList();
    }
}

package io.leadflow.dsl.exec;

import static io.leadflow.dsl.eval.Values.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Eval;
import java.math.BigDecimal;
import java.util.Map;

/** Member and index access, and table lookups. A missing step anywhere gives null. */
final class Paths {
    private Paths() { }

    /** {@code target.a.b.c} as one closure over the names. */
    static Eval members(Eval target, String[] names) {
        if (names.length == 1) {
            String n = names[0];
            return env -> {
                JsonNode v = target.eval(env);
                return v == null ? null : get(v, n);
            };
        }
        return env -> walk(target.eval(env), names);
    }

    /** {@code lead.a.b}. */
    static Eval leadMembers(String[] names) {
        if (names.length == 1) {
            String n = names[0];
            return env -> get(env.lead(), n);
        }
        return env -> walk(env.lead(), names);
    }

    /** {@code item.a.b} for a value in a slot (a let, the phone, a loop variable). */
    static Eval slotMembers(int slot, String[] names) {
        if (names.length == 1) {
            String n = names[0];
            return env -> {
                JsonNode v = env.slot(slot);
                return v == null ? null : get(v, n);
            };
        }
        return env -> walk(env.slot(slot), names);
    }

    private static JsonNode walk(JsonNode v, String[] names) {
        for (int i = 0; v != null && i < names.length; i++) v = get(v, names[i]);
        return v;
    }

    static JsonNode get(JsonNode v, String name) {
        if (v.isObject()) return norm(v.get(name));
        return v instanceof PhoneValue p ? p.member(name) : null;
    }

    /** {@code target[index]}: list position (negative counts from the end) or object key. */
    static Eval index(Eval target, Eval index) {
        return env -> {
            JsonNode t = target.eval(env);
            JsonNode i = index.eval(env);
            if (t == null || i == null) return null;
            if (t.isArray()) {
                BigDecimal d = number(i);
                if (d == null) return null;
                int pos = d.intValue();
                return norm(t.get(pos < 0 ? t.size() + pos : pos));
            }
            return t.isObject() ? norm(t.get(asText(i))) : null;
        };
    }

    /** {@code table[key]}: the entry by key text, else the default (null when none). */
    static Eval table(Map<String, Eval> entries, Eval fallback, Eval key) {
        return env -> {
            JsonNode k = key.eval(env);
            Eval e = k == null ? null : entries.get(asText(k));
            if (e == null) e = fallback;
            return e == null ? null : e.eval(env);
        };
    }
}

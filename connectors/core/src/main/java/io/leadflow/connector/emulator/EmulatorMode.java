package io.leadflow.connector.emulator;

import java.util.Locale;

/**
 * How an emulator plays the behaviours the API reference marks unconfirmed [U]. {@code OPTIMISTIC}
 * is the reasonable guess each emulator documents; {@code PESSIMISTIC} is the guess an adapter
 * must survive when it is wrong: an unknown filter is ignored (the whole list comes back), text
 * compares case-sensitively, an undocumented field is left out of answers, lists come newest
 * first, an unknown reference id is accepted silently instead of refused. Each emulator lists
 * what it changes. The contract kit runs every connector against both; the adapter must stay
 * correct, or refuse clearly.
 */
public enum EmulatorMode {
    OPTIMISTIC,
    PESSIMISTIC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code "optimistic"} / {@code "pessimistic"} (any case). */
    public static EmulatorMode parse(String s) {
        for (EmulatorMode m : values()) if (m.name().equalsIgnoreCase(s)) return m;
        throw new IllegalArgumentException("mode must be \"optimistic\" or \"pessimistic\", got " + s);
    }
}

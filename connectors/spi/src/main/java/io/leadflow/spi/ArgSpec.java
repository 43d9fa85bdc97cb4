package io.leadflow.spi;

import java.util.List;

/**
 * One argument the runtime implements, of {@code from source.kind(name: value)} or of a scheduled job.
 *
 * @param name     its name in the rule file
 * @param type     the constant it takes
 * @param required a flow without it does not compile
 * @param meaning  one line for the reference and the error message
 * @param values   the words a text argument may be (empty: any text)
 * @param refused  words a user may well ask for that the runtime does not implement, each with why
 *                 (the compile error says it instead of a bare "does not implement")
 */
public record ArgSpec(String name, Type type, boolean required, String meaning, List<String> values, java.util.Map<String, String> refused) {

    public ArgSpec {
        values = List.copyOf(values);
        refused = java.util.Map.copyOf(refused);
    }

    /** An argument limited to {@code values} (empty: any constant of its type), refusing no word with a reason. */
    public ArgSpec(String name, Type type, boolean required, String meaning, List<String> values) {
        this(name, type, required, meaning, values, java.util.Map.of());
    }

    /** An argument that takes any constant of its type. */
    public ArgSpec(String name, Type type, boolean required, String meaning) {
        this(name, type, required, meaning, List.of());
    }

    /** The same argument refusing {@code word} with {@code why} (a value a user may ask for that the runtime does not implement). */
    public ArgSpec refusing(String word, String why) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(refused);
        m.put(word, why);
        return new ArgSpec(name, type, required, meaning, values, m);
    }

    /** A text argument (or each item of a list argument) that must be one of {@code values}; the compiler suggests the nearest. */
    public static ArgSpec oneOf(String name, Type type, boolean required, String meaning, String... values) {
        return new ArgSpec(name, type, required, meaning, List.of(values));
    }

    /** The kind of constant an argument takes. */
    public enum Type {
        TEXT, NUMBER, DURATION, DATE, TEXT_LIST, BOOLEAN;

        public String display() {
            return switch (this) {
                case TEXT -> "text";
                case NUMBER -> "a number";
                case DURATION -> "a duration (90s, 1m, 4h)";
                case DATE -> "a date \"YYYY-MM-DD\"";
                case TEXT_LIST -> "a list";
                case BOOLEAN -> "true or false";
            };
        }
    }

    public static ArgSpec optional(String name, Type type, String meaning) {
        return new ArgSpec(name, type, false, meaning);
    }

    /**
     * {@code max_backoff}: a pulled source's longest wait after failed reads (the runtime waits 1 s,
     * then doubles, up to this; a longer {@code Retry-After} of the system still wins).
     */
    public static ArgSpec maxBackoff() {
        return optional("max_backoff", Type.DURATION, "pulled: the longest wait after failed reads (1 s, doubling up to this); default 5m");
    }

    /** {@code account}: which account's credentials and settings the source uses. */
    public static ArgSpec account() {
        return optional("account", Type.TEXT, "the source account (its token or API credentials); default \"default\"");
    }
}

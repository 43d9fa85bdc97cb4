package io.leadflow.spi;

/**
 * One argument the runtime implements, of {@code from source.kind(name: value)} or of a scheduled job.
 *
 * @param name     its name in the rule file
 * @param type     the constant it takes
 * @param required a flow without it does not compile
 * @param meaning  one line for the reference and the error message
 */
public record ArgSpec(String name, Type type, boolean required, String meaning) {

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

    /** {@code account}: which account's credentials and settings the source uses. */
    public static ArgSpec account() {
        return optional("account", Type.TEXT, "the source account (its token or API credentials); default \"default\"");
    }
}

package io.leadflow.dsl.eval;

import io.leadflow.spi.FieldType;

/**
 * The static type of an expression, as far as the compiler can know it. {@link #ERROR} is the
 * type of an expression already reported as wrong (an unknown name, a type mismatch): it fits
 * everywhere, so one mistake is reported once and not again by every expression around it.
 */
public enum Type {
    ANY, STRING, NUMBER, BOOLEAN, LIST, OBJECT, NULL, ERROR;

    /** Whether a value of type {@code value} can stand where this type is expected (numbers read as text, text parsed as numbers). */
    public boolean accepts(Type value) {
        if (this == ANY || this == ERROR || value == ANY || value == ERROR || value == NULL || this == value) return true;
        return switch (this) {
            case STRING -> value == NUMBER || value == BOOLEAN;
            case NUMBER -> value == STRING;
            case BOOLEAN -> value != LIST && value != OBJECT;
            default -> false;
        };
    }

    /** The connector field type a value of this type is sent as. */
    public FieldType fieldType() {
        return switch (this) {
            case STRING -> FieldType.STRING;
            case NUMBER -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case LIST -> FieldType.LIST;
            case OBJECT -> FieldType.OBJECT;
            default -> FieldType.ANY;
        };
    }

    /** Whether the type is known: not {@link #ANY}, {@link #NULL} or {@link #ERROR}. */
    public boolean known() {
        return this != ANY && this != NULL && this != ERROR;
    }

    public String display() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.leadflow.spi;

/** The value type a CRM field accepts; the checker compares it with the static type of the mapped expression. */
public enum FieldType {
    STRING, TEXT, NUMBER, INTEGER, BOOLEAN, DATE, DATETIME, EMAIL, PHONE, CURRENCY, COUNTRY, ENUM, OBJECT, LIST, ANY;

    /** True when a value of the given type can be sent to a field of this type (numbers to text, etc.). */
    public boolean accepts(FieldType value) {
        if (this == ANY || value == ANY || this == value) return true;
        return switch (this) {
            case STRING, TEXT, EMAIL, PHONE, CURRENCY, COUNTRY, ENUM, DATE, DATETIME ->
                    value == STRING || value == TEXT || value == NUMBER || value == INTEGER
                            || value == EMAIL || value == PHONE || value == DATE || value == DATETIME;
            case NUMBER -> value == INTEGER || value == STRING;
            case INTEGER -> value == NUMBER || value == STRING;
            case BOOLEAN -> value == STRING || value == INTEGER;
            default -> false;
        };
    }
}

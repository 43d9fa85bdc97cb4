package io.leadflow.spi.source;

import io.leadflow.spi.FieldType;
import java.util.Objects;

/**
 * One field of a lead as the source system sends it.
 *
 * @param name       the name in the payload ({@code delivery_phone}, {@code callId})
 * @param type       its value type ({@link FieldType#OBJECT} or {@link FieldType#LIST} when {@code nested} describes it)
 * @param confidence how sure the reference is that the system sends it under this name
 * @param nested     an object's members, or a list's item members; {@link PayloadSchema#anyFields()} when unknown
 */
public record PayloadField(String name, FieldType type, Confidence confidence, PayloadSchema nested) {

    public PayloadField {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(confidence);
        nested = nested == null ? PayloadSchema.anyFields() : nested;
    }

    public static PayloadField of(String name, FieldType type, Confidence confidence) {
        return new PayloadField(name, type, confidence, PayloadSchema.anyFields());
    }

    /** An object field with known members. */
    public static PayloadField object(String name, Confidence confidence, PayloadField... members) {
        return new PayloadField(name, FieldType.OBJECT, confidence, PayloadSchema.closed(members));
    }

    /** A list of objects with known members. */
    public static PayloadField listOf(String name, Confidence confidence, PayloadField... members) {
        return new PayloadField(name, FieldType.LIST, confidence, PayloadSchema.closed(members));
    }
}

package io.leadflow.spi;

import java.util.List;

/**
 * One field of a CRM entity as the rule language names it.
 *
 * @param name          the name used in rule files ({@code title}, {@code phone}, {@code delivery_city})
 * @param type          the accepted value type
 * @param required      a create request without it is refused by the CRM
 * @param maxLength     longest accepted text, or 0 when the API states none
 * @param allowedValues the closed set of accepted values, or empty when any value goes
 * @param apiPath       where the connector puts it in the request ({@code buyer.full_name}); informational
 */
public record FieldSpec(String name, FieldType type, boolean required, int maxLength,
                        List<String> allowedValues, String apiPath) {

    public FieldSpec {
        allowedValues = List.copyOf(allowedValues);
    }

    public static FieldSpec of(String name, FieldType type) {
        return new FieldSpec(name, type, false, 0, List.of(), name);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(name, type, true, maxLength, allowedValues, apiPath);
    }

    public FieldSpec max(int length) {
        return new FieldSpec(name, type, required, length, allowedValues, apiPath);
    }

    public FieldSpec oneOf(String... values) {
        return new FieldSpec(name, type, required, maxLength, List.of(values), apiPath);
    }

    public FieldSpec at(String path) {
        return new FieldSpec(name, type, required, maxLength, allowedValues, path);
    }
}

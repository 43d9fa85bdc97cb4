package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leadflow.dsl.eval.Values;

/**
 * The normalised phone: reads as its E.164 text ({@code +380671234567}) wherever text is
 * expected, and answers {@code phone.valid}, {@code phone.e164}, {@code phone.national},
 * {@code phone.raw}. An invalid phone reads as null ({@link #read}); its text stays at
 * {@code phone.raw}, so {@code phone <- phone ?? phone.raw} is how a flow sends it on as given.
 */
public final class PhoneValue extends TextNode {
    private static final long serialVersionUID = 1L;
    private final String raw;
    private final boolean valid;
    private final String national;

    public PhoneValue(String raw, String e164, String national, boolean valid) {
        super(valid ? e164 : raw);
        this.raw = raw;
        this.valid = valid;
        this.national = national;
    }

    /** What {@code phone} reads as: the E.164 text when valid, null when the number cannot be standardised. */
    public static JsonNode read(JsonNode slot) {
        return slot instanceof PhoneValue p && !p.valid ? null : slot;
    }

    public boolean valid() {
        return valid;
    }

    /** {@code phone.<field>}; Jackson's own {@code get} is final on value nodes. */
    public JsonNode member(String field) {
        return switch (field) {
            case "valid" -> Values.bool(valid);
            case "e164" -> valid ? Values.text(textValue()) : null;
            case "national" -> Values.text(national);
            case "raw" -> Values.text(raw);
            default -> null;
        };
    }
}

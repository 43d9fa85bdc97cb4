package io.leadflow.spi.source;

/** How sure the reference is of a payload field (shared crm-apis [C]/[P]/[U]). */
public enum Confidence {
    CONFIRMED, PARTLY, UNCONFIRMED;

    /** The reference's mark: {@code [C]}, {@code [P]} or {@code [U]}. */
    public String mark() {
        return switch (this) {
            case CONFIRMED -> "[C]";
            case PARTLY -> "[P]";
            case UNCONFIRMED -> "[U]";
        };
    }
}

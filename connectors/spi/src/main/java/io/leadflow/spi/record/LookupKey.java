package io.leadflow.spi.record;

/** One way to look a contact up: by a normalised (E.164) phone, or by a lower-cased email. */
public record LookupKey(Kind kind, String value) {
    public enum Kind { PHONE, EMAIL }
}

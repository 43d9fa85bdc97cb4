package io.leadflow.spi.effect;

/** Points at a CRM record: one that exists, or one that an earlier effect of the same run creates. */
public sealed interface RecordRef {

    /** A record already in the CRM. */
    record Existing(String id) implements RecordRef { }

    /** The record created by the effect at this index of the same decision. */
    record Created(int effectIndex) implements RecordRef { }
}

package io.leadflow.spi.record;

/** The group of a deal's status. RetailCRM's {@code complete} and {@code cancel} groups are the closed ones (L4). */
public enum StatusGroup {
    OPEN, COMPLETED, CANCELLED;

    public boolean closed() {
        return this != OPEN;
    }
}

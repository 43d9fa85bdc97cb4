package io.leadflow.connector.emulator;

import io.vertx.core.json.JsonObject;

/** The in-memory records of an emulated account, as {@link ApiEmulator} needs them for the inspection endpoints. */
public interface EmulatorRecords {
    /** Every record, as JSON, for {@code GET /__emulator/state}. */
    JsonObject snapshot();

    /** Forgets every record (reference data stays). */
    void clear();
}

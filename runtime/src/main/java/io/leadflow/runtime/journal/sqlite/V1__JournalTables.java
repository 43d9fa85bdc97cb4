package io.leadflow.runtime.journal.sqlite;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL schema version 1: the journal's tables as {@link Schema} defines them for SQLite
 * (SQLite schema v3: leads with both dedupe keys, effects, lanes, manager rotation, schedule runs,
 * rule texts, pull-source cursors), so the two stores cannot drift apart column by column.
 * The cluster's own tables follow in {@code V2__cluster.sql}. Flyway runs it once per database.
 */
public final class V1__JournalTables extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            for (String ddl : Schema.postgresql()) s.execute(ddl);
        }
    }
}

/**
 * The durable lead journal and effect ledger: every accepted lead is committed (fsync'd, group
 * commit) before the sender is told so, then kept with its decision trace, effects, attempts
 * and errors for the registry (R5). {@link io.leadflow.runtime.journal.Journal} is what the HTTP
 * edge calls; {@link io.leadflow.runtime.journal.Ledger} is what the executor calls; the SQLite
 * implementation ({@link io.leadflow.runtime.journal.sqlite}) is the embedded default and its
 * schema is written so a PostgreSQL implementation can reuse it.
 */
package io.leadflow.runtime.journal;

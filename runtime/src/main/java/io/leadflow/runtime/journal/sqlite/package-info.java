/**
 * The embedded SQLite journal: WAL with {@code synchronous=FULL} asserted on every connection,
 * one writer connection on a dedicated thread doing group commit, readers on worker threads.
 * Never touches JDBC on an event loop.
 */
package io.leadflow.runtime.journal.sqlite;

/**
 * Pull sources: a {@link io.leadflow.runtime.pull.Poller} per flow whose {@code from} names a
 * pulled kind reads the system's feed through its connector's {@code pull(cursor)} and commits
 * each read's leads together with the cursor ({@link io.leadflow.runtime.journal.Journal#appendPulled});
 * {@link io.leadflow.runtime.pull.SourcePollers} keeps one per flow across rule reloads and
 * reports them for {@code GET /v1/sources}.
 */
package io.leadflow.runtime.pull;

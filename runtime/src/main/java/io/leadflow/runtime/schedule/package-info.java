/**
 * Periodic jobs declared in rule files ({@code schedule}, L11): run on time, once per period,
 * with the last run recorded in the journal so a restart neither skips nor repeats a period.
 * Jobs are looked up by name in an explicit {@link io.leadflow.runtime.schedule.JobRegistry}.
 */
package io.leadflow.runtime.schedule;

/**
 * Rule tests beside the rules (L12): the CRM state a test or {@code explain --crm} starts from,
 * an in-memory lookup over it, expectations matched against effects, the runner and its
 * coverage report.
 */
package io.leadflow.dsl.testing;

/**
 * The KeyCRM emulator: OpenAPI v1 routes on loopback, built from shared/crm-apis.md §2 (not from
 * the adapter), with the records in memory and the core's state / fault / seed endpoints.
 */
package io.leadflow.connector.keycrm.emulator;

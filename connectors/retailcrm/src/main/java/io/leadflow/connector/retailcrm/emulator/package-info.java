/**
 * The RetailCRM emulator: API v5 routes on loopback, built from shared/crm-apis.md §1 (not from
 * the adapter), with the records in memory and the core's state / fault / seed endpoints.
 */
package io.leadflow.connector.retailcrm.emulator;

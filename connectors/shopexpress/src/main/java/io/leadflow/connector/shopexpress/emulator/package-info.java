/**
 * A loopback Shop-Express admin API. Its contract is the adapter's guess, not a documented one
 * (no public Shop-Express API was found, crm-apis.md §8): unconfirmed throughout.
 */
package io.leadflow.connector.shopexpress.emulator;

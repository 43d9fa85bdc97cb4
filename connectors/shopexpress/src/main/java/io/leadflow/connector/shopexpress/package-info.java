/**
 * Shop-Express as a target (seed 001, the reverse legs): the order status a KeyCRM trigger
 * webhook reports is written back to the shop order, and the KeyCRM product sync writes the
 * shop's catalog. No public Shop-Express API was found (crm-apis.md §8): every path, header,
 * field and error shape here is an <b>unconfirmed</b> guess, so the adapter verifies what comes
 * back rather than trusting a 2xx.
 */
package io.leadflow.connector.shopexpress;

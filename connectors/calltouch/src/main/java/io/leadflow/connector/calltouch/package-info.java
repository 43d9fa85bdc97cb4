/**
 * Calltouch: a lead source (calls and requests webhooks, {@link io.leadflow.connector.calltouch.CalltouchSources})
 * and a target for the reverse deal feed of seed 002 (CRM orders become Calltouch deals through
 * Deals API 2.0, linked once to the customer's call or request: {@link io.leadflow.connector.calltouch.CalltouchConnector}).
 * crm-apis.md §7; what is [P]/[U] is said at each use.
 */
package io.leadflow.connector.calltouch;

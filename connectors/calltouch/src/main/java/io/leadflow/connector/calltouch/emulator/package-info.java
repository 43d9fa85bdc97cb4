/**
 * A loopback Calltouch: the Deals API 2.0 and the calls, requests and deals journals, from
 * crm-apis.md §7; the emulator's own readings of what the reference leaves [U] are listed on
 * {@link io.leadflow.connector.calltouch.emulator.CalltouchEmulator}.
 */
package io.leadflow.connector.calltouch.emulator;

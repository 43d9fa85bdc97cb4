/**
 * A loopback Horoshop: token auth and the order functions of the status-back leg, from
 * crm-apis.md §6; the emulator's own readings of what the reference leaves [U] are listed on
 * {@link io.leadflow.connector.horoshop.emulator.HoroshopEmulator}.
 */
package io.leadflow.connector.horoshop.emulator;

/**
 * The shared base of the CRM emulators: loopback Vert.x servers that speak a CRM's API and add
 * {@code /__emulator/state}, {@code /__emulator/faults} and {@code /__emulator/seed} for tests
 * and sandbox users. See {@link io.leadflow.connector.emulator.EmulatorServer}.
 */
package io.leadflow.connector.emulator;

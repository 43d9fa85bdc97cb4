/**
 * The shared base of the CRM emulators: loopback Vert.x servers that speak a CRM's API and add
 * {@code /__emulator/state}, {@code /__emulator/faults} and {@code /__emulator/seed} for tests
 * and sandbox users. See {@link io.leadflow.connector.emulator.EmulatorServer}; REST emulators
 * under one path prefix extend {@link io.leadflow.connector.emulator.ApiEmulator}, and
 * {@link io.leadflow.connector.emulator.NeutralSeed} walks the connector-neutral seed format.
 */
package io.leadflow.connector.emulator;

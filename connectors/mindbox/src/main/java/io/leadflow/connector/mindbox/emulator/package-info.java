/**
 * Mindbox API v3 on loopback, from shared crm-apis section 5 (not from the adapter): operations by
 * configured name, {@code SecretKey} auth per endpoint, the {@code status} envelope, nested
 * {@code processingStatus}, coupons, bonus points and order transactions. See {@link io.leadflow.connector.mindbox.emulator.MindboxEmulator}.
 */
package io.leadflow.connector.mindbox.emulator;

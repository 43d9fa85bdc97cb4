/**
 * Mindbox API v3 (seed 004, shared crm-apis section 5): customers imported or edited through the
 * project's configured operations, orders calculated (promo codes, bonus points) and saved in a
 * begin + commit transaction that is committed once or rolled back, never both, and item statuses.
 * The calculation's coupon discount, applied code and available bonus points are written back to
 * the RetailCRM order through the RetailCRM connector. The emulator is in {@code emulator}.
 */
package io.leadflow.connector.mindbox;

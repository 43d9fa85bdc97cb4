/**
 * Horoshop (crm-apis.md §6): the lead-source catalog entries for orders and registrations
 * ({@link io.leadflow.connector.horoshop.HoroshopSources}), and a shop status target for the
 * reverse leg ({@link io.leadflow.connector.horoshop.HoroshopConnector}: token auth,
 * {@code orders/update}, read back with {@code orders/get}).
 */
package io.leadflow.connector.horoshop;

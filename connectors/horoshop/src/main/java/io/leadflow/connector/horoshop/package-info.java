/**
 * Horoshop as a lead source (shared crm-apis section 6): the source catalog entry for orders and
 * registrations.
 */
package io.leadflow.connector.horoshop;

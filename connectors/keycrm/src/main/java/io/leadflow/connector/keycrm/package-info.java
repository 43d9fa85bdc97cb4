/**
 * The KeyCRM connector (C2, seed 001): {@link io.leadflow.connector.keycrm.KeycrmSchema} for the
 * compiler and {@link io.leadflow.connector.keycrm.KeycrmConnector} for the runtime — buyers,
 * orders ("create in orders") or funnel cards ("create in funnels"), status groups, custom fields
 * by uuid, reconcile by {@code source_uuid}. KeyCRM has no task endpoint.
 */
package io.leadflow.connector.keycrm;

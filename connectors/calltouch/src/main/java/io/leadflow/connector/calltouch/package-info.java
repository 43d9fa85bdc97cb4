/**
 * Calltouch as a lead source (shared crm-apis section 7): the source catalog entries for its
 * call and request webhooks.
 */
package io.leadflow.connector.calltouch;

/**
 * The source side of a system: what {@link io.leadflow.connector.CrmConnector#pull} and
 * {@link io.leadflow.connector.CrmConnector#receive} hand to the runtime. Records are Jackson
 * {@code ObjectNode}s, the one JSON model of effects, found records and leads.
 */
package io.leadflow.connector.source;

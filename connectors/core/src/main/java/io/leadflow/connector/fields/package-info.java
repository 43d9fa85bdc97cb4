/** Turning rule-file field values into what a CRM's API expects, by the connector's field schema. */
package io.leadflow.connector.fields;

/**
 * The RetailCRM connector (C3, seeds 002/004): {@link io.leadflow.connector.retailcrm.RetailcrmSchema}
 * for the compiler and {@link io.leadflow.connector.retailcrm.RetailcrmConnector} for the runtime —
 * customers, orders with status groups and the L4 marker field, tasks, form-encoded writes with
 * {@code site} and {@code by}. The reverse feed of orders to Calltouch is not here.
 */
package io.leadflow.connector.retailcrm;

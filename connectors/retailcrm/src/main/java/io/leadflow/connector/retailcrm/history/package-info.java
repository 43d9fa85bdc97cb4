/** RetailCRM's change feeds ({@code orders/history}, {@code customers/history}) as lead sources. */
package io.leadflow.connector.retailcrm.history;

/** Reference-data caching (statuses, custom field definitions, users, products by SKU) on Caffeine with Vert.x futures. */
package io.leadflow.connector.refdata;

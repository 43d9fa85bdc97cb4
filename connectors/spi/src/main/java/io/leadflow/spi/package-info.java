/**
 * The connector SPI: what a CRM connector declares (capabilities, entity field schemas,
 * rate limit) so that the compiler can check rule files against it without knowing HTTP.
 * Pure data; no I/O. What one account itself defines, and the start-up check against it, is in
 * {@link io.leadflow.spi.account}.
 */
package io.leadflow.spi;

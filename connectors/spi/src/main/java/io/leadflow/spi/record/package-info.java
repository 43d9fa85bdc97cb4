/** Records found in a CRM by a lookup, as the engine sees them (pure data, connector-neutral). */
package io.leadflow.spi.record;

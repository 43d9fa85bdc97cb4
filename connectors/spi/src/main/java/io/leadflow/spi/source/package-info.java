/**
 * The source side of the SPI: what each lead source declares (how leads arrive, how the sender
 * is authenticated, the arguments it takes, the payload schema with confidence marks, the event
 * id and its dedupe window) so the compiler can check {@code from} and every {@code lead.…} path.
 * Pure data; no I/O.
 */
package io.leadflow.spi.source;

/** The scheduled jobs the compiler accepts in {@code schedule} declarations, with their arguments. */
package io.leadflow.spi.job;

/** A loopback emulator of Baselinker's {@code connector.php}, built from the API reference; used by tests, benchmarks and sandbox mode. */
package io.leadflow.connector.baselinker.emulator;

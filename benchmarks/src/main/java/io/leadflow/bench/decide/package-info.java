/** JMH: full decision throughput (filters, phone, find against in-memory records, decide, map) on one thread. */
package io.leadflow.bench.decide;

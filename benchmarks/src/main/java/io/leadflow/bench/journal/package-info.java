/**
 * Journal and executor measurements run by hand (figures in {@code docs/reliability.md}), never
 * as timed unit tests: durable appends per second with group commit, and leads per second from
 * journal to done.
 */
package io.leadflow.bench.journal;

/**
 * The HTTP edge (Vert.x Web): lead intake, the admin registry API, health and metrics. Routes
 * call small {@code handleX} methods; nothing here blocks an event loop: the journal answers
 * with futures, and the 202 goes out only once the lead's row is fsync'd.
 */
package io.leadflow.runtime.http;

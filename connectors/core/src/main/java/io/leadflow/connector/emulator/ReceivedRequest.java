package io.leadflow.connector.emulator;

import io.vertx.core.MultiMap;

/**
 * A CRM call as the emulator received it, kept so tests can assert the exact encoding a
 * connector sent (method, path and query, content type, body).
 */
public record ReceivedRequest(String operation, String method, String uri, String contentType, MultiMap headers, String body) { }

/**
 * KeyCRM's outgoing webhooks (the reverse leg of seed 001: a status change in KeyCRM updates the
 * shop's order): a parser for the {@code {"event", "context"}} body. The runtime exposes the endpoint.
 */
package io.leadflow.connector.keycrm.webhook;

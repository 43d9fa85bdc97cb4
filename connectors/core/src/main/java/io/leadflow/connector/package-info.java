/**
 * The operational side of a connector: {@link io.leadflow.connector.CrmConnector} performs
 * lookups and effects over HTTP and returns Vert.x futures; {@link io.leadflow.connector.ConnectorFactory}
 * builds one per account and starts the CRM's loopback emulator for tests and sandbox mode.
 */
package io.leadflow.connector;

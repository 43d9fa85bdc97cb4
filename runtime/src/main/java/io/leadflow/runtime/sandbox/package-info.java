/**
 * Where each CRM account's calls go: its real API when credentials are configured, otherwise
 * (and always with {@code --sandbox}) the connector's emulator, started in-process on loopback.
 */
package io.leadflow.runtime.sandbox;

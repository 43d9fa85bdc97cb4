/** A loopback emulator of KeepinCRM's API v1, built from the reference; every unconfirmed behaviour is marked [U] in its Javadoc. */
package io.leadflow.connector.keepincrm.emulator;

/**
 * The KeepinCRM connector (C1): {@link io.leadflow.connector.keepincrm.KeepinCrmSchema} for the
 * compiler, {@link io.leadflow.connector.keepincrm.KeepinCrmConnector} for the runtime, registered
 * by {@link io.leadflow.connector.keepincrm.KeepinCrmFactory}. Much of KeepinCRM's API is
 * unconfirmed; every assumption is marked [U] in the Javadoc and in docs/connectors.md.
 */
package io.leadflow.connector.keepincrm;

/**
 * The Baselinker connector (C4): {@link io.leadflow.connector.baselinker.BaselinkerSchema} for the
 * compiler, {@link io.leadflow.connector.baselinker.BaselinkerConnector} for the runtime (addOrder,
 * products by SKU, reconcile by getOrders), registered by {@link io.leadflow.connector.baselinker.BaselinkerFactory}.
 */
package io.leadflow.connector.baselinker;

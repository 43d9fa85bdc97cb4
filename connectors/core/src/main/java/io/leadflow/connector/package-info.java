/**
 * The operational side of a connector: {@link io.leadflow.connector.CrmConnector} performs
 * lookups and effects over HTTP and returns Vert.x futures; {@link io.leadflow.connector.ConnectorFactory}
 * builds one per account and starts the CRM's loopback emulator for tests and sandbox mode.
 *
 * <p>How a connector module is put together from the core (stable API):
 * <ul>
 *   <li>{@code ratelimit.TokenBucket.of(vertx, descriptor.rateLimit())}: one per account.</li>
 *   <li>{@code http.CrmHttp(vertx, baseUrl, bucket, timeout, mapper, "crm/account")}: sends
 *       {@code http.CrmRequest}s ({@code get}, {@code json}, {@code form}; {@code mutating} marks
 *       writes), counts them in a {@code http.CallCount}, and fails with the SPI's typed errors;
 *       the connector supplies its error envelope as a {@code http.ResponseMapper}.</li>
 *   <li>{@code http.GuardedHttpConnector}: extend it for descriptor, account, close and every entry
 *       point run with a fresh {@code CallCount} through {@code TypedFailures.guarded}.</li>
 *   <li>{@code refdata.RefCache.of(key -> future)}: statuses, custom fields, products by SKU.</li>
 *   <li>{@code phone.PhoneVariants}: text variants of an E.164 phone and format-blind comparison.</li>
 *   <li>{@code AccountConfig}: one account, built by the runtime from its secrets file and
 *       {@code LEADFLOW_CRM_…} variables; the key is {@code account.secret(AccountConfig.API_KEY)},
 *       whole-number options {@code account.longSetting("timeout_ms", 10_000)}.</li>
 *   <li>{@code emulator.EmulatorServer}: extend it for the CRM's emulator; {@code start(port)}.</li>
 *   <li>Tests: extend {@code contract.ConnectorContract} from the core test-jar.</li>
 * </ul>
 */
package io.leadflow.connector;

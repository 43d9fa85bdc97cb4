package io.leadflow.connector.keycrm;

import io.leadflow.connector.AccountConfig;
import java.time.Duration;

/**
 * One KeyCRM account's options, read from {@link AccountConfig#settings()}:
 * <ul>
 *   <li>{@code source_id}: the KeyCRM source orders are created in (seed 001 "Джерело"); a deal's
 *       own {@code source_id} wins</li>
 *   <li>{@code mode}: {@code orders} (default, "create in orders") or {@code funnels}
 *       ("create in funnels": new deals become pipeline cards)</li>
 *   <li>{@code pipeline_id}: the funnel for new cards when the deal names none</li>
 *   <li>{@code timeout_ms}: per-call timeout, default 10 000</li>
 * </ul>
 */
record KeycrmSettings(String apiBase, Integer sourceId, Mode mode, Integer pipelineId, Duration timeout) {
    static final String DEFAULT_ORIGIN = "https://openapi.keycrm.app";

    enum Mode { ORDERS, FUNNELS }

    static KeycrmSettings of(AccountConfig account) {
        String origin = account.baseUrl() == null || account.baseUrl().isBlank() ? DEFAULT_ORIGIN : account.baseUrl();
        String mode = account.setting("mode", "orders");
        Mode m = switch (mode) {
            case "orders" -> Mode.ORDERS;
            case "funnels" -> Mode.FUNNELS;
            default -> throw new IllegalArgumentException("keycrm account '" + account.account()
                    + "': setting mode must be orders or funnels, got '" + mode + "'");
        };
        return new KeycrmSettings(origin.replaceAll("/+$", "") + "/v1", integer(account, "source_id"), m,
                integer(account, "pipeline_id"), Duration.ofMillis(integer(account, "timeout_ms") == null ? 10_000 : integer(account, "timeout_ms")));
    }

    private static Integer integer(AccountConfig account, String name) {
        String v = account.setting(name, null);
        if (v == null || v.isBlank()) return null;
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("keycrm account '" + account.account() + "': setting " + name
                    + " must be a whole number, got '" + v + "'");
        }
    }
}

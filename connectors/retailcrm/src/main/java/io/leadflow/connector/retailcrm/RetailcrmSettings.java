package io.leadflow.connector.retailcrm;

import io.leadflow.connector.AccountConfig;
import java.time.Duration;

/**
 * One RetailCRM account: {@code baseUrl} is the account's origin ({@code https://shop.retailcrm.ru},
 * required: every account has its own), the API lives under {@code /api/v5}. Settings:
 * {@code site} (the store code sent with every write; required by the API when the account has
 * several stores), {@code timeout_ms} (default 10 000), {@code rate_limit} (see RateLimits).
 */
record RetailcrmSettings(String apiBase, String site, Duration timeout) {

    static RetailcrmSettings of(AccountConfig account) {
        if (account.baseUrl() == null || account.baseUrl().isBlank()) {
            throw new IllegalArgumentException("retailcrm account '" + account.account()
                    + "' needs its base URL (https://<account>.retailcrm.ru)");
        }
        String timeout = account.setting("timeout_ms", "10000");
        try {
            return new RetailcrmSettings(account.baseUrl().replaceAll("/+$", "") + "/api/v5",
                    account.setting("site", null), Duration.ofMillis(Long.parseLong(timeout.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retailcrm account '" + account.account() + "': timeout_ms must be a whole number");
        }
    }
}

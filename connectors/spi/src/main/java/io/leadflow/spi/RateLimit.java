package io.leadflow.spi;

import java.time.Duration;

/**
 * A documented request limit per account.
 *
 * @param permits   requests allowed per period
 * @param period    the period
 * @param confirmed whether the figure is confirmed in the CRM's reference (see shared/crm-apis.md)
 * @param source    where the figure comes from
 */
public record RateLimit(int permits, Duration period, boolean confirmed, String source) {

    public double perSecond() {
        return permits / (period.toNanos() / 1e9);
    }
}

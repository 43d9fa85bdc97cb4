package io.leadflow.bench.connectors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.EffectContext;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.CreateDeal;
import java.util.Map;

/**
 * Under a backlog (far more effects queued than the limit lets through), how much of the
 * account's limit the connector actually uses, and how many over-limit answers it earns. The
 * emulator and the connector run the same limit. The first {@code permits} calls are a burst
 * (the bucket starts full) and are left out: the share is {@code periods × permits} calls divided
 * by what the limit allows in the time they took, timed from the emulator's request counter
 * (call {@code permits + 1} to call {@code (periods + 1) × permits + 1}), polled every millisecond.
 */
final class RateLimitUse {
    record Result(String crm, RateLimit limit, int periods, long calls, double seconds, double share, long overLimit) { }

    private RateLimitUse() { }

    static Result measure(String crm, ConnectorFactory factory, RateLimit limit, ObjectNode deal, int periods) {
        try (Scenario s = new Scenario(factory, limit)) {
            long n = limit.permits();
            int backlog = (int) (n * (periods + 3));
            for (int i = 0; i < backlog; i++) {
                s.connector.apply(new CreateDeal(null, deal.deepCopy(), null, false),
                        new EffectContext("backlog-" + i + "/0", "backlog-" + i, Map.of(), null));
            }
            long from = timeWhenReached(s, n + 1);
            long to = timeWhenReached(s, (periods + 1) * n + 1);
            double seconds = (to - from) / 1e9;
            double allowed = seconds / (limit.period().toNanos() / 1e9) * n;
            long calls = periods * n;
            return new Result(crm, limit, periods, calls, seconds, calls / allowed, s.emulator.overLimitAnswers());
        }
    }

    private static long timeWhenReached(Scenario s, long count) {
        while (s.emulator.counters().total() < count) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return System.nanoTime();
    }

    static ObjectNode keepinDeal() {
        return JsonNodeFactory.instance.objectNode().put("title", "Backlog order").put("stage_id", 1);
    }

    static ObjectNode baselinkerOrder() {
        return JsonNodeFactory.instance.objectNode().put("order_status_id", 8011).put("currency", "PLN").put("email", "b@example.com");
    }

    /** A KeyCRM order create (orders mode: the account's source id comes from its settings). */
    static ObjectNode keycrmOrder() {
        return JsonNodeFactory.instance.objectNode().put("buyer_name", "Backlog").put("buyer_phone", "+380671234567")
                .put("manager_comment", "Backlog order");
    }

    /** A RetailCRM order create (the emulated account's store comes from its settings). */
    static ObjectNode retailcrmOrder() {
        return JsonNodeFactory.instance.objectNode().put("firstName", "Backlog").put("phone", "+380671234567")
                .put("managerComment", "Backlog order");
    }

    /** A limit with the same permits over a period {@code factor} times shorter. */
    static RateLimit scaled(RateLimit documented, int factor) {
        return new RateLimit(documented.permits(), documented.period().dividedBy(factor), documented.confirmed(),
                documented.source() + ", period scaled down " + factor + "x");
    }
}

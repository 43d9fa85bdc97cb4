package io.leadflow.connector.keepincrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.contract.EmulatorTestBase;
import io.leadflow.connector.keepincrm.emulator.KeepinCrmEmulator;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.spi.RateLimit;
import io.leadflow.spi.effect.CreateDeal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY.md T6 in the build: a backlog of creates against the KeepinCRM emulator, which
 * counts a sliding window as the limit is defined (at most N calls admitted in any window of one
 * period, counted on arrival) and answers 429 + Retry-After above it. Both sides run N per
 * period, the period scaled down from KeepinCRM's 60 s so the test takes about 4 s.
 *
 * <p>0 × 429, and the share of the limit used ≥ 95 %. The share is measured on the emulator's
 * own arrival times, over whole cycles of the limit: the first N calls are the opening burst (the
 * bucket starts full) and are left out; from call N + 1 (the first that had to wait for the
 * window) to call (k + 1)·N + 1 the client made k·N calls, and the limit allowed k·N in k
 * periods, so the share is k·period / (time between those two arrivals). A perfect limiter
 * scores just under 100 %; one that waits an extra period, sends at half the rate or releases a
 * permit late by more than 5 % of the period fails. No wall-clock threshold on the test machine:
 * the time measured is the CRM's.
 */
class KeepinCrmRateLimitUseTest extends EmulatorTestBase<KeepinCrmEmulator> {
    static final int PERMITS = 10;
    /** 2 s: 5 % of it (100 ms a cycle) is the slack for the bucket's margin and a loaded machine's latency. */
    static final Duration PERIOD = Duration.ofSeconds(2);
    static final int CYCLES = 2;

    @Override
    protected Future<KeepinCrmEmulator> startEmulator(Vertx vertx) {
        return new KeepinCrmFactory().startEmulator(vertx, 0);
    }

    @Test
    void backlogAtTheLimit_zero429_atLeast95PercentOfTheLimitUsed() {
        emulator.rateLimit(new RateLimit(PERMITS, PERIOD, false, "KeepinCRM's 60/min with the period scaled down for the test"));
        AccountConfig base = emulator.account("main");
        Map<String, String> settings = new HashMap<>(base.settings());
        settings.put(RateLimits.SETTING, PERMITS + "/" + PERIOD.toSeconds() + "s");
        KeepinCrmConnector connector = new KeepinCrmConnector(vertx,
                new AccountConfig(base.connector(), base.account(), base.baseUrl(), base.secrets(), settings));
        try {
            int backlog = (CYCLES + 1) * PERMITS + 1;
            List<Future<EffectResult>> done = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                var deal = JsonNodeFactory.instance.objectNode().put("title", "Backlog order " + i).put("stage_id", 1);
                done.add(connector.apply(new CreateDeal(null, deal, null, false), new EffectContext("backlog-" + i + "/0", "backlog-" + i, Map.of(), null)));
            }
            Await.result(Future.all(done));

            assertEquals(0, emulator.overLimitAnswers(), "429s from the CRM");
            long[] at = emulator.admittedArrivals();
            assertTrue(at.length >= backlog, "calls admitted: " + at.length);
            long from = at[PERMITS];                       // call N + 1
            long to = at[(CYCLES + 1) * PERMITS];          // call (k + 1)·N + 1
            double share = CYCLES * (double) PERIOD.toNanos() / (to - from);
            assertTrue(share <= 1.0, "more than the limit in a window: share " + share);
            assertTrue(share >= 0.95, String.format("share of the limit used %.1f %% (%d calls in %.3f s; %d allowed in %d periods)",
                    share * 100, CYCLES * PERMITS, (to - from) / 1e9, CYCLES * PERMITS, CYCLES));
            System.out.printf("T6 KeepinCRM %d/%s: %d calls timed, share %.1f %%, 0 × 429%n", PERMITS, PERIOD, CYCLES * PERMITS, share * 100);
        } finally {
            Await.result(connector.close());
        }
    }
}

package io.leadflow.bench.connectors;

import io.leadflow.connector.baselinker.BaselinkerFactory;
import io.leadflow.connector.baselinker.BaselinkerSchema;
import io.leadflow.connector.keepincrm.KeepinCrmFactory;
import io.leadflow.connector.keepincrm.KeepinCrmSchema;
import io.leadflow.connector.keycrm.KeycrmFactory;
import io.leadflow.connector.keycrm.KeycrmSchema;
import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.RetailcrmSchema;
import io.leadflow.spi.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the connector figures of docs/performance.md as Markdown. Usage:
 * {@code java -cp benchmarks/target/benchmarks.jar io.leadflow.bench.connectors.ConnectorMeasurements [scale] [periods]}
 * — {@code scale} divides each limit's period (default 10: Baselinker 100/min runs as 100/6 s on
 * both sides; 1 = the documented period, minutes per run), {@code periods}: how many periods'
 * worth of calls are timed after the first burst (default 4). RetailCRM's limit (10 per second)
 * is already short, so it always runs at the documented period, timing at least 6 periods.
 */
public final class ConnectorMeasurements {
    private ConnectorMeasurements() { }

    public static void main(String[] args) {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int periods = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<CallsPerLead.Result> calls = new ArrayList<>(CallsPerLead.keepinCrm(200));
        calls.addAll(CallsPerLead.baselinker(200));
        calls.addAll(OrderCrmCallsPerLead.keycrm(200));
        calls.addAll(OrderCrmCallsPerLead.retailcrm(200));
        System.out.println("| CRM | lead | leads | calls per lead (mean) | max | reference-data calls |");
        System.out.println("|---|---|---|---|---|---|");
        for (CallsPerLead.Result r : calls) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %d | %d |%n", r.crm(), r.lead(), r.leads(), r.callsPerLead(), r.maxCalls(), r.referenceCalls());
        }
        System.out.println();
        List<RateLimitUse.Result> use = List.of(
                RateLimitUse.measure("KeepinCRM", new KeepinCrmFactory(), RateLimitUse.scaled(KeepinCrmSchema.RATE_LIMIT, scale),
                        RateLimitUse.keepinDeal(), periods),
                RateLimitUse.measure("Baselinker", new BaselinkerFactory(), RateLimitUse.scaled(BaselinkerSchema.RATE_LIMIT, scale),
                        RateLimitUse.baselinkerOrder(), periods),
                RateLimitUse.measure("KeyCRM", new KeycrmFactory(), RateLimitUse.scaled(KeycrmSchema.RATE_LIMIT, scale),
                        RateLimitUse.keycrmOrder(), periods),
                RateLimitUse.measure("RetailCRM", new RetailcrmFactory(), RetailcrmSchema.RATE_LIMIT,
                        RateLimitUse.retailcrmOrder(), Math.max(periods, 6)));
        System.out.println("| CRM | limit run (both sides) | calls timed (after the first burst) | seconds | share of limit | over-limit answers |");
        System.out.println("|---|---|---|---|---|---|");
        for (RateLimitUse.Result r : use) {
            RateLimit l = r.limit();
            System.out.printf(Locale.ROOT, "| %s | %d per %.1f s | %d | %.2f | %.1f%% | %d |%n", r.crm(), l.permits(),
                    l.period().toMillis() / 1000.0, r.calls(), r.seconds(), r.share() * 100, r.overLimit());
        }
    }
}

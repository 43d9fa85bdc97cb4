package io.leadflow.runtime.http;

import io.leadflow.runtime.exec.ExecutionListener;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.Stats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * The Prometheus metrics: intake (accepted, refused by reason, ack latency), the executor's
 * outcomes through {@link ExecutionListener} (done, dropped, dead, retried, effect and lookup
 * times, end-to-end latency) and the journal's queue depth from the last {@link Stats} sample.
 */
public final class EdgeMetrics implements ExecutionListener {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Stats> lastStats = new AtomicReference<>();

    private final java.util.Map<String, Counter> accepted = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per-lead meters by name and tags: building and registering one costs more than the lead's other metrics. */
    private final java.util.Map<String, Object> meters = new java.util.concurrent.ConcurrentHashMap<>();
    private final Timer intakeLatency = Timer.builder("leadflow_intake_latency").tag("stage", "intake").publishPercentiles(0.5, 0.99)
            .description("request received to 2xx sent, fsync included").register(registry);
    private final Timer endToEnd = Timer.builder("leadflow_lead_latency").tag("stage", "end_to_end").publishPercentiles(0.5, 0.99)
            .description("received to finished").register(registry);

    public EdgeMetrics(IntSupplier inFlight) {
        Gauge.builder("leadflow_journal_queue_depth", () -> stat(s -> s.writerQueueDepth()))
                .description("writes waiting for the journal's writer").register(registry);
        Gauge.builder("leadflow_journal_commits", () -> stat(s -> s.commits()))
                .description("group commits (fsyncs) since start").register(registry);
        Gauge.builder("leadflow_journal_mean_batch", () -> {
            Stats s = lastStats.get();
            return s == null ? 0 : s.meanBatch();
        }).description("mean writes per group commit").register(registry);
        Gauge.builder("leadflow_executor_in_flight", inFlight::getAsInt).description("leads held by the executor").register(registry);
        for (LeadStatus st : LeadStatus.values()) {
            Gauge.builder("leadflow_leads_stored", () -> {
                Stats s = lastStats.get();
                return s == null ? 0 : s.leadsByStatus().getOrDefault(st, 0L);
            }).tag("status", st.name().toLowerCase(java.util.Locale.ROOT)).description("stored leads by status").register(registry);
        }
    }

    private double stat(java.util.function.ToDoubleFunction<Stats> f) {
        Stats s = lastStats.get();
        return s == null ? 0 : f.applyAsDouble(s);
    }

    /** Keeps the latest journal figures for the gauges (sampled by a timer; stats() is async). */
    public void sample(Stats stats) {
        lastStats.set(stats);
    }

    public void accepted(String flow, boolean duplicate, long nanos) {
        accepted.computeIfAbsent(flow + (duplicate ? "\u0000d" : ""), k -> Counter.builder("leadflow_leads_accepted").tag("flow", flow)
                .tag("duplicate", Boolean.toString(duplicate))
                .description("leads durably recorded (202) or recognised as duplicates (200)").register(registry)).increment();
        intakeLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void refused(String flow, String reason) {
        Counter.builder("leadflow_leads_refused").tag("flow", flow).tag("reason", reason)
                .description("intake requests refused, by error code").register(registry).increment();
    }

    @Override
    public void leadFinished(String flow, LeadStatus status, Duration sinceReceived) {
        String name = switch (status) {
            case DONE -> "leadflow_leads_done";
            case DROPPED -> "leadflow_leads_dropped";
            case DEAD -> "leadflow_leads_dead";
            default -> "leadflow_leads_finished_other";
        };
        meter(name + '\u0000' + flow, () -> Counter.builder(name).tag("flow", flow).register(registry), Counter.class).increment();
        endToEnd.record(sinceReceived);
    }

    @Override
    public void leadRetried(String flow, String error) {
        meter("retried\u0000" + flow, () -> Counter.builder("leadflow_leads_retried").tag("flow", flow).register(registry),
                Counter.class).increment();
    }

    @Override
    public void effectSent(String connector, String kind, boolean ok, Duration took) {
        meter("effect\u0000" + connector + '\u0000' + kind + '\u0000' + ok, () -> Timer.builder("leadflow_effect_latency")
                .tag("stage", "effect").tag("connector", connector).tag("kind", kind).tag("ok", Boolean.toString(ok))
                .publishPercentiles(0.5, 0.99).register(registry), Timer.class).record(took);
    }

    @Override
    public void lookupDone(String connector, Duration took) {
        meter("lookup\u0000" + connector, () -> Timer.builder("leadflow_lookup_latency").tag("stage", "lookup")
                .tag("connector", connector).publishPercentiles(0.5, 0.99).register(registry), Timer.class).record(took);
    }

    private <M> M meter(String key, java.util.function.Supplier<M> make, Class<M> type) {
        return type.cast(meters.computeIfAbsent(key, k -> make.get()));
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}

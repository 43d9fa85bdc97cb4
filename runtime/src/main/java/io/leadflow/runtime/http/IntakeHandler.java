package io.leadflow.runtime.http;

import io.leadflow.dsl.Flow;
import io.leadflow.runtime.body.BodyRefusal;
import io.leadflow.runtime.body.LeadBodyParser;
import io.leadflow.runtime.config.Limits;
import io.leadflow.runtime.config.Slugs;
import io.leadflow.runtime.journal.Accepted;
import io.leadflow.runtime.journal.IncomingLead;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.JournalClosedException;
import io.leadflow.runtime.journal.JournalOverloadedException;
import io.leadflow.runtime.security.Masking;
import io.leadflow.runtime.security.SourceGuard;
import io.leadflow.runtime.security.SourceGuards;
import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/leads/{flow}}: flow → media type → rate → credentials from the headers →
 * body (bounded in size and time) → signature over the body (signed sources) → shape → journal.
 * A sender refused before its body is read has the connection closed, so its body is never held. The 202 is sent only when the journal's append has completed (fsync'd);
 * any failure to store is a 503 with Retry-After, never a 2xx.
 */
public final class IntakeHandler {
    private static final Logger LOG = Logger.getLogger(IntakeHandler.class.getName());
    /**
     * Never kept in the registry: a header whose lower-cased name holds one of these is taken for a
     * credential (Authorization, X-Api-Key, X-Auth-Token, Cookie, webhook-signature, …).
     */
    static final List<String> SECRET_HEADER_PARTS = List.of("auth", "token", "secret", "password", "api-key", "apikey",
            "cookie", "signature", "session");

    private final FlowDirectory flows;
    private final SourceGuards guards;
    private final LeadBodyParser parser;
    private final Journal journal;
    private final Limits limits;
    private final EdgeMetrics metrics;
    private final Clock clock;
    /** Bodies being read for senders not yet authenticated (signed requests), across every edge instance. */
    private final Semaphore unverifiedBodies;

    public IntakeHandler(FlowDirectory flows, SourceGuards guards, Journal journal, Limits limits, EdgeMetrics metrics, Clock clock) {
        this.flows = flows;
        this.guards = guards;
        this.parser = new LeadBodyParser(limits);
        this.journal = journal;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
        this.unverifiedBodies = new Semaphore(limits.timeouts().unauthenticatedBodies());
    }

    public void handleIntake(RoutingContext ctx) {
        long started = System.nanoTime();
        HttpServerRequest req = ctx.request();
        try {
            Flow flow = flows.find(ctx.pathParam("flow")).orElseThrow(() -> unknownFlow(ctx.pathParam("flow")));
            var pulled = flows.pulled(flow);
            if (pulled.isPresent()) throw pulledFlow(flow, pulled.get());
            String media = LeadBodyParser.mediaType(req.getHeader("Content-Type"));
            if (!LeadBodyParser.supported(media)) {
                throw new Refusal(415, "unsupported_media_type", "send the lead as application/json or application/x-www-form-urlencoded"
                        + (media == null ? " (no Content-Type was given)" : ", not " + media));
            }
            String slug = flows.slug(flow);
            SourceGuard guard = guards.forSource(slug);
            long wait = guard.rateWait(System.nanoTime());
            if (wait > 0) throw new Refusal(429, "rate_limited", "source '" + slug + "' is over its request rate; retry after " + wait + " s", wait);
            SourceGuard.HeaderCheck check = guard.checkHeaders(req::getHeader, req.getParam("token"));
            if (check.denial() != null) throw new Refusal(401, check.denial().code(), check.denial().message());
            boolean unverified = check.signed();
            if (unverified && !unverifiedBodies.tryAcquire()) {
                throw new Refusal(503, "busy", "too many signed bodies are being read at once; nothing was stored, retry later", 1);
            }
            BodyReader.read(ctx.vertx(), req, limits.bodyBytes(), limits.timeouts().bodyMillis()).onComplete(ar -> {
                if (unverified) unverifiedBodies.release();
                handleBody(ctx, flow, slug, guard, check.signed(), media, ar, started);
            });
        } catch (Refusal r) {
            // The body was not read: close rather than leave it on the connection.
            ctx.response().putHeader("Connection", "close");
            refuse(ctx, r, ctx.pathParam("flow"));
        }
    }

    private void handleBody(RoutingContext ctx, Flow flow, String slug, SourceGuard guard, boolean signed, String media,
                            AsyncResult<Buffer> ar, long started) {
        try {
            if (ar.failed()) {
                if (ar.cause() instanceof Refusal r) {
                    if (r.status() == 413 || r.status() == 408) ctx.response().putHeader("Connection", "close");
                    throw r;
                }
                throw new Refusal(400, "body_unreadable", "the body could not be read");
            }
            byte[] body = ar.result().getBytes();
            HttpServerRequest req = ctx.request();
            if (signed) {
                SourceGuard.Denial denial = guard.checkSignature(req::getHeader, body);
                if (denial != null) throw new Refusal(401, denial.code(), denial.message());
            }
            String idemKey = idempotencyKey(req.getHeader("Idempotency-Key"));
            String eventId;
            try {
                eventId = eventId(flow, media, body);
            } catch (BodyRefusal bad) {
                throw new Refusal(bad.status(), bad.code(), bad.getMessage());
            }
            // Only a verified signature vouches for webhook-id; an unchecked one is never a dedupe key.
            if (eventId == null && signed) eventId = req.getHeader("webhook-id");
            IncomingLead incoming = new IncomingLead(flow.name(), slug, eventId, idemKey, body, media, scrubbed(req), clock.instant(),
                    flow.dedupeWindow().isZero() ? null : flow.dedupeWindow());
            journal.append(incoming).onComplete(done -> handleAppended(ctx, flow, done, started, body));
        } catch (Refusal r) {
            refuse(ctx, r, flow.name());
        }
    }

    /**
     * Validates the body and, when the flow has an event id (its source's own, or its
     * {@code dedupe by}), reads it from the lead; null when there is none.
     */
    private String eventId(Flow flow, String media, byte[] body) {
        if (flow.dedupeWindow().isZero()) {
            parser.validate(media, body);
            return null;
        }
        try {
            return flow.eventId(parser.parse(media, body), clock).orElse(null);
        } catch (io.leadflow.dsl.RuleException e) {
            return null; // a key the lead cannot give (a bad value in it) dedupes nothing; the run reports the lead's own errors
        }
    }

    private void handleAppended(RoutingContext ctx, Flow flow, AsyncResult<Accepted> done, long started, byte[] body) {
        if (done.succeeded()) {
            Accepted a = done.result();
            metrics.accepted(flow.name(), a.duplicate(), System.nanoTime() - started);
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("lead " + a.leadId() + " accepted for flow '" + flow.name() + "'" + (a.duplicate() ? " (duplicate)" : "")
                        + ": " + Masking.text(clip(new String(body, StandardCharsets.UTF_8))));
            }
            Responses.accepted(ctx.response(), a.duplicate() ? 200 : 202, a.leadId(), a.duplicate());
            return;
        }
        Throwable e = done.cause();
        Refusal r;
        if (e instanceof JournalOverloadedException o) {
            r = new Refusal(503, "overloaded", "the store cannot keep up; nothing was stored, retry later",
                    Math.max(1, o.retryAfter().toSeconds()));
        } else if (e instanceof JournalClosedException) {
            r = new Refusal(503, "shutting_down", "the server is shutting down; nothing was stored, retry later", 5);
        } else {
            LOG.log(Level.SEVERE, "journal append failed for flow '" + flow.name() + "': " + Masking.text(String.valueOf(e.getMessage())), e);
            r = new Refusal(503, "store_unavailable", "the lead could not be stored; nothing was stored, retry later", 5);
        }
        refuse(ctx, r, flow.name());
    }

    private void refuse(RoutingContext ctx, Refusal r, String flow) {
        metrics.refused(flow == null ? "" : flow, r.code());
        if (LOG.isLoggable(Level.FINE)) LOG.fine("intake refused " + r.status() + " " + r.code() + " for flow '" + flow + "'");
        Responses.refuse(ctx, r);
    }

    /** A pulled flow has no intake: the runtime reads its source itself, a pushed copy would be a second lead. */
    private static Refusal pulledFlow(Flow flow, io.leadflow.runtime.pull.PullSpec pull) {
        return new Refusal(404, "pulled_flow", "flow '" + flow.name() + "' has no intake: it is pulled (the runtime reads " + pull.system()
                + "." + pull.kind() + " of account '" + pull.account() + "' every " + pull.poll().toSeconds() + " s; its cursor is in"
                + " GET /v1/sources), so it takes no pushed leads" + (pull.pushable() ? "; without its poll argument the flow takes pushes instead" : ""));
    }

    private Refusal unknownFlow(String name) {
        var p = flows.current();
        String known = p == null ? "no rules are loaded" : "loaded flows: " + String.join(", ", p.flows().stream().map(f -> Slugs.of(f.name())).toList());
        return new Refusal(404, "unknown_flow", "no flow named '" + name + "' (" + known + ")");
    }

    private static String idempotencyKey(String key) {
        if (key == null) return null;
        String k = key.trim();
        if (k.isEmpty() || k.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(k)) {
            throw new Refusal(400, "bad_idempotency_key", "Idempotency-Key must be 1 to 255 ASCII characters");
        }
        return k;
    }

    private static Map<String, String> scrubbed(HttpServerRequest req) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> h : req.headers()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (SECRET_HEADER_PARTS.stream().anyMatch(name::contains)) continue;
            out.merge(name, h.getValue(), (a, b) -> a + ", " + b);
        }
        return out;
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}

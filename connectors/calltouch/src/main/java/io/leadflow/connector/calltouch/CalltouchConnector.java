package io.leadflow.connector.calltouch;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.http.CrmHttp;
import io.leadflow.connector.http.CrmResponse;
import io.leadflow.connector.http.GuardedHttpConnector;
import io.leadflow.connector.SystemCapability;
import io.leadflow.connector.source.PullBatch;
import io.leadflow.spi.effect.CreateDeal;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.PermanentException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a CRM order as a Calltouch deal (Deals API 2.0, crm-apis.md §7). Each write is an
 * upsert keyed by the order number: the deals journal is read first (from the order's day to
 * today) and an existing deal is updated ({@code client-order/update}, never re-matched, so a deal
 * is linked once); a new one is linked to the customer's lead ({@link LeadLink}: a call, else a
 * request, within {@code lead_window_days}) with a {@code call} / {@code request} matching entry,
 * or made {@code withoutSource} and tagged {@code not_found_tag} ("lead not found"), and created
 * ({@code client-order/create}). The create answer must name a {@code calltouchOrderId} [P];
 * otherwise the journal is read back, and a deal still missing is a permanent error saying the
 * guessed contract does not hold. Reconcile reads the journal: a create is done when the deal is
 * there, an update when it shows the new status (else it is sent again, which is harmless).
 *
 * <p>Account: secret {@code api_key} (the Deals API's {@code Access-Token}, and the journals'
 * {@code clientApiId} unless secret {@code client_api_id} is given); settings {@code site_id}
 * (required), {@code crm} (default {@code RetailCRM}), {@code lead_window_days} (default 365),
 * {@code not_found_tag} (default {@code lead not found}), {@code timezone} of the order dates the
 * block gives as zoned ISO text (default UTC), {@code timeout_ms} (default 10000),
 * {@code rate_limit}. Base URL default {@code https://api.calltouch.ru}.
 *
 * <p>Also a pulled source ({@code from calltouch.calls(poll: …)}, {@code calltouch.requests(poll: …)}):
 * {@link #pull} reads the calls or the requests journal (setting {@code feed}, the flow's kind) a
 * whole day at a time through {@link CalltouchFeed}; settings {@code since}, {@code journal_timezone}
 * (default Europe/Moscow [U]), {@code settle_minutes} (default 10).
 */
public final class CalltouchConnector extends GuardedHttpConnector {
    public static final String DEFAULT_BASE_URL = "https://api.calltouch.ru";

    private final CalltouchApi api;
    private final LeadLink link;
    private final String crm;
    private final String notFoundTag;
    private final ZoneId zone;
    private final Clock clock;
    private final CalltouchFeed feed;

    public CalltouchConnector(Vertx vertx, AccountConfig config) {
        this(config, http(vertx, config), Clock.systemUTC());
    }

    private CalltouchConnector(AccountConfig config, CrmHttp http, Clock clock) {
        super(CalltouchSchema.DESCRIPTOR, config.account(), http, EnumSet.of(SystemCapability.EFFECTS, SystemCapability.PULL));
        String site = config.setting("site_id", null);
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("account calltouch/" + config.account() + " needs setting site_id (the Calltouch cabinet id)");
        }
        String key = config.secret(AccountConfig.API_KEY);
        String clientApiId = config.secrets().getOrDefault("client_api_id", key);
        this.api = new CalltouchApi(http, key, clientApiId, site.trim());
        long window = config.longSetting("lead_window_days", 365);
        if (window < 1 || window > 3660) {
            throw new IllegalArgumentException("account calltouch/" + config.account() + ": lead_window_days must be 1-3660, got " + window);
        }
        try {
            this.zone = ZoneId.of(config.setting("timezone", "UTC"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("account calltouch/" + config.account() + ": timezone is not a zone id: " + e.getMessage());
        }
        this.link = new LeadLink(api, (int) window, zone);
        this.crm = config.setting("crm", "RetailCRM");
        this.notFoundTag = config.setting("not_found_tag", "lead not found");
        this.clock = clock;
        String feedName = config.setting("feed", "calls");
        this.feed = switch (feedName) {
            case "calls" -> new CalltouchFeed(api::calls, "callId", config, clock);
            case "requests" -> new CalltouchFeed(api::requests, "requestId", config, clock);
            default -> throw new IllegalArgumentException("account calltouch/" + config.account() + ": feed must be calls or requests, not '"
                    + feedName + "'");
        };
    }

    /**
     * The calls ({@code calls-diary/calls}, day-first dates, paged) or requests ({@code requests},
     * month-first dates, one array) journal from {@code cursor}, one whole day a read; see {@link CalltouchFeed}.
     */
    @Override
    protected Future<PullBatch> pull(String cursor, CallCount count) {
        return feed.read(cursor, count);
    }

    private static CrmHttp http(Vertx vertx, AccountConfig config) {
        Duration timeout = Duration.ofMillis(config.longSetting("timeout_ms", 10_000));
        String base = config.baseUrl() == null ? DEFAULT_BASE_URL : config.baseUrl();
        return CrmHttp.forAccount(vertx, CalltouchSchema.DESCRIPTOR, config, base, timeout, new CalltouchErrors());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    @Override
    protected Future<EffectResult> apply(Effect effect, EffectContext ctx, CallCount count) {
        CalltouchOrder order = CalltouchOrder.of(effect, zone);
        LocalDateTime now = now();
        return existing(order, now, count).compose(found -> found.isPresent()
                ? update(order, now, count)
                : link.find(order.phone(), order.email(), order.orderTime(now), count).compose(lead -> create(order, lead, now, count)))
                .map(v -> new EffectResult(order.number(), count.get()));
    }

    private Future<Void> update(CalltouchOrder order, LocalDateTime now, CallCount count) {
        JsonObject o = order.common(now).put("updateDate", CalltouchDates.DEAL_TIME.format(now));
        return api.update(new JsonObject().put("orders", new JsonArray().add(o)), count).mapEmpty();
    }

    private Future<Void> create(CalltouchOrder order, Optional<LeadLink.Lead> lead, LocalDateTime now, CallCount count) {
        JsonObject o = order.common(now).put("matching", new JsonArray().add(matching(lead)))
                .put("orderDate", CalltouchDates.DEAL_TIME.format(order.orderTime(now)));
        if (lead.isEmpty()) o.put("addTags", new JsonArray().add(new JsonObject().put("tag", notFoundTag)));
        return api.create(new JsonObject().put("crm", crm).put("orders", new JsonArray().add(o)), count)
                .compose(r -> madeId(r) != null ? Future.succeededFuture() : confirmCreated(order, r, now, count));
    }

    /** {@code call} → {@code callParams.callId}, {@code request} → {@code requestParams.requestId} [P: type names C, nesting U]. */
    private static JsonObject matching(Optional<LeadLink.Lead> lead) {
        if (lead.isEmpty()) return new JsonObject().put("type", "withoutSource");
        LeadLink.Lead l = lead.get();
        return new JsonObject().put("type", l.type()).put(l.type() + "Params", new JsonObject().put(l.type() + "Id", l.id()));
    }

    /** The answer's {@code data.orders[0].calltouchOrderId} [P], or null. */
    private static Object madeId(CrmResponse r) {
        JsonObject body = r.jsonObject();
        JsonObject data = body == null ? null : body.getValue("data") instanceof JsonObject d ? d : null;
        JsonArray orders = data == null ? null : data.getValue("orders") instanceof JsonArray a ? a : null;
        if (orders == null || orders.isEmpty() || !(orders.getValue(0) instanceof JsonObject first)) return null;
        return first.getValue("calltouchOrderId");
    }

    private Future<Void> confirmCreated(CalltouchOrder order, CrmResponse answer, LocalDateTime now, CallCount count) {
        return existing(order, now, count).map(found -> {
            if (found.isEmpty()) {
                throw new PermanentException("Calltouch answered the deal create of order " + order.number() + " (HTTP " + answer.status()
                        + ") without a calltouchOrderId and the deals journal does not show it: the unconfirmed answer contract does not"
                        + " hold: " + answer.text(200), null, answer.status());
            }
            return null;
        });
    }

    @Override
    protected Future<Optional<EffectResult>> reconcile(Effect effect, EffectContext ctx, CallCount count) {
        if (!(effect instanceof CreateDeal)) return Future.succeededFuture(Optional.empty());
        CalltouchOrder order = CalltouchOrder.of(effect, zone);
        return existing(order, now(), count).map(found -> found
                .filter(d -> d.getValue("status") == null || order.status().equals(String.valueOf(d.getValue("status"))))
                .map(d -> new EffectResult(order.number(), count.get())));
    }

    /**
     * The order's deal in the deals journal, from the day before the order to tomorrow (the journal's
     * date is [U]: the order's or the deal's own). A journal whose records carry no
     * {@code orderNumber} [U] cannot answer, and saying "no deal" could make a second one: refused.
     */
    private Future<Optional<JsonObject>> existing(CalltouchOrder order, LocalDateTime now, CallCount count) {
        LocalDate from = order.orderTime(now).toLocalDate().minusDays(1);
        LocalDate to = now.toLocalDate().plusDays(1);
        if (to.isBefore(from)) to = from.plusDays(2);
        return api.deals(from, to, count).map(records -> {
            List<JsonObject> keyed = records.stream().filter(d -> d.getValue("orderNumber") != null).toList();
            if (keyed.isEmpty() && !records.isEmpty()) {
                throw new PermanentException("Calltouch's deals journal lists deals without an orderNumber field (its record shape is"
                        + " unconfirmed): cannot tell whether order " + order.number() + " has a deal, refusing rather than risk a second one",
                        null, 200);
            }
            return keyed.stream().filter(d -> Objects.equals(order.number(), String.valueOf(d.getValue("orderNumber")))).findFirst();
        });
    }
}

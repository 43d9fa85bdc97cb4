package io.leadflow.connector.calltouch;

import io.leadflow.connector.http.CallCount;
import io.leadflow.connector.phone.PhoneVariants;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the Calltouch lead a new deal is linked to (seed 002, C3): the customer's newest call by
 * phone no older than the window, else their newest request (form, chat) by phone or email, else
 * none ("lead not found"). The phone is the block's E.164 number (the flow's {@code phone}
 * statement); a phone that is not E.164 is not used as a key. Calltouch documents no lookup by phone, so the journals are read
 * backwards from the order's date in windows of {@link #WINDOW_DAYS} days, and the search stops
 * in the first window with a match: a recent customer costs one or two reads, an unknown one
 * {@code 2 × window / 31} reads. Every hit is re-checked here: the phone is compared as a number
 * ({@link PhoneVariants#sameNumber}, whatever the journal's spelling), the email
 * case-insensitively, and the record's date, when readable, must lie inside the window and not
 * after the order. Journal field names: calls {@code callId}, {@code callerNumber}, {@code date}
 * [P]; requests {@code requestId} [P], {@code phoneNumber} / {@code phone}, {@code email},
 * {@code date} [U].
 */
final class LeadLink {
    static final int WINDOW_DAYS = 31;

    /** The lead found: a call or a request, by its journal id. */
    record Lead(String type, Object id) { }

    private final CalltouchApi api;
    private final int windowDays;
    private final ZoneId zone;

    LeadLink(CalltouchApi api, int windowDays, ZoneId zone) {
        this.api = api;
        this.windowDays = windowDays;
        this.zone = zone;
    }

    Future<Optional<Lead>> find(String phone, String email, LocalDateTime orderTime, CallCount count) {
        List<String> forms = phone == null ? List.of() : PhoneVariants.of(phone);
        String e164 = forms.isEmpty() ? null : forms.get(0);
        String mail = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        if (e164 == null && mail == null) return Future.succeededFuture(Optional.empty());
        LocalDateTime oldest = orderTime.minusDays(windowDays);
        Predicate<JsonObject> inTime = r -> CalltouchDates.parse(r.getString("date"), zone)
                .map(t -> !t.isBefore(oldest) && !t.isAfter(orderTime)).orElse(true);
        Future<Optional<Lead>> calls = e164 == null ? Future.succeededFuture(Optional.empty())
                : search(0, orderTime, "callId", "call", r -> inTime.test(r) && samePhone(r.getValue("callerNumber"), e164), true, count);
        return calls.compose(c -> c.isPresent() ? Future.succeededFuture(c)
                : search(0, orderTime, "requestId", "request", r -> inTime.test(r)
                        && (e164 != null && (samePhone(r.getValue("phoneNumber"), e164) || samePhone(r.getValue("phone"), e164))
                        || mail != null && mail.equalsIgnoreCase(String.valueOf(r.getValue("email")).trim())), false, count));
    }

    /** Window {@code i} counted back from the order's day; the newest matching record of the first window with one. */
    private Future<Optional<Lead>> search(int i, LocalDateTime orderTime, String idField, String type, Predicate<JsonObject> match,
                                          boolean calls, CallCount count) {
        LocalDate to = orderTime.toLocalDate().minusDays((long) i * WINDOW_DAYS);
        LocalDate limit = orderTime.toLocalDate().minusDays(windowDays);
        if (to.isBefore(limit)) return Future.succeededFuture(Optional.empty());
        LocalDate from = to.minusDays(WINDOW_DAYS - 1L);
        if (from.isBefore(limit)) from = limit;
        Future<List<JsonObject>> read = calls ? api.calls(from, to, count) : api.requests(from, to, count);
        return read.compose(records -> {
            Optional<JsonObject> best = records.stream().filter(r -> r.getValue(idField) != null).filter(match)
                    .max((a, b) -> compareTime(a, b));
            if (best.isPresent()) return Future.succeededFuture(Optional.of(new Lead(type, best.get().getValue(idField))));
            return search(i + 1, orderTime, idField, type, match, calls, count);
        });
    }

    /** Newest by the record's date when both are readable, else the later in the journal's own order is not assumed: the larger id. */
    private int compareTime(JsonObject a, JsonObject b) {
        Optional<LocalDateTime> ta = CalltouchDates.parse(a.getString("date"), zone);
        Optional<LocalDateTime> tb = CalltouchDates.parse(b.getString("date"), zone);
        if (ta.isPresent() && tb.isPresent() && !ta.get().equals(tb.get())) return ta.get().compareTo(tb.get());
        return Long.compare(number(a), number(b));
    }

    private static long number(JsonObject r) {
        Object id = r.getValue("callId") != null ? r.getValue("callId") : r.getValue("requestId");
        try {
            return Long.parseLong(String.valueOf(id));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean samePhone(Object stored, String e164) {
        if (stored == null) return false;
        String s = String.valueOf(stored);
        return PhoneVariants.sameNumber(s, e164) || PhoneVariants.sameNumber("+" + PhoneVariants.digits(s), e164);
    }
}

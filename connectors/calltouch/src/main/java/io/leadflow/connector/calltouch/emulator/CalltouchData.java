package io.leadflow.connector.calltouch.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated cabinet: calls and requests (the leads a deal can be linked to) with their times,
 * and deals by order number. Kept across restarts in serve's data folder ({@link #persisted}, {@link #restore}).
 * Thread-safe (every method synchronized).
 */
public final class CalltouchData implements EmulatorRecords {
    private final Map<Long, JsonObject> calls = new LinkedHashMap<>();
    private final Map<Long, JsonObject> requests = new LinkedHashMap<>();
    private final Map<String, JsonObject> deals = new LinkedHashMap<>();
    private final Map<Long, LocalDateTime> callTimes = new LinkedHashMap<>();
    private final Map<Long, LocalDateTime> requestTimes = new LinkedHashMap<>();
    private final Map<String, LocalDateTime> dealTimes = new LinkedHashMap<>();
    private long nextCall = 1000;
    private long nextRequest = 5000;
    private long nextDeal = 90_000;

    /** A call from {@code callerNumber} (digits as Calltouch writes them, {@code 7915…}) at {@code at}. */
    public synchronized long addCall(String callerNumber, LocalDateTime at) {
        long id = nextCall++;
        calls.put(id, new JsonObject().put("callId", id).put("callerNumber", callerNumber)
                .put("date", CalltouchEmulator.JOURNAL_TIME.format(at)).put("successful", true));
        callTimes.put(id, at);
        return id;
    }

    /** A request (form, chat) with a phone and/or an email at {@code at}. */
    public synchronized long addRequest(String phone, String email, LocalDateTime at) {
        long id = nextRequest++;
        JsonObject r = new JsonObject().put("requestId", id).put("date", CalltouchEmulator.JOURNAL_TIME.format(at));
        if (phone != null) r.put("phoneNumber", phone);
        if (email != null) r.put("email", email);
        requests.put(id, r);
        requestTimes.put(id, at);
        return id;
    }

    synchronized List<JsonObject> calls(LocalDateTime from, LocalDateTime toExclusive) {
        return window(calls, callTimes, from, toExclusive);
    }

    synchronized List<JsonObject> requests(LocalDateTime from, LocalDateTime toExclusive) {
        return window(requests, requestTimes, from, toExclusive);
    }

    /** Deals the journal lists for a window of their creation in Calltouch. */
    synchronized List<JsonObject> dealsCreated(LocalDateTime from, LocalDateTime toExclusive) {
        return window(deals, dealTimes, from, toExclusive);
    }

    private static <K> List<JsonObject> window(Map<K, JsonObject> records, Map<K, LocalDateTime> times, LocalDateTime from,
                                               LocalDateTime toExclusive) {
        List<JsonObject> out = new ArrayList<>();
        records.forEach((id, r) -> {
            LocalDateTime t = times.get(id);
            if (!t.isBefore(from) && t.isBefore(toExclusive)) out.add(r.copy());
        });
        return out;
    }

    synchronized boolean hasCall(long id) {
        return calls.containsKey(id);
    }

    synchronized boolean hasRequest(long id) {
        return requests.containsKey(id);
    }

    public synchronized Optional<JsonObject> deal(String orderNumber) {
        return Optional.ofNullable(deals.get(orderNumber)).map(JsonObject::copy);
    }

    synchronized JsonObject addDeal(JsonObject deal, LocalDateTime now) {
        JsonObject d = deal.copy().put("calltouchOrderId", nextDeal++).put("updates", 0).put("rematched", 0);
        deals.put(d.getString("orderNumber"), d);
        dealTimes.put(d.getString("orderNumber"), now);
        return d.copy();
    }

    synchronized Optional<JsonObject> changeDeal(String orderNumber, JsonObject change, boolean rematch) {
        JsonObject d = deals.get(orderNumber);
        if (d == null) return Optional.empty();
        change.forEach(e -> {
            if (!e.getKey().equals("orderNumber") && !e.getKey().equals("reMatching")) d.put(e.getKey(), e.getValue());
        });
        d.put("updates", d.getInteger("updates") + 1);
        if (rematch) d.put("rematched", d.getInteger("rematched") + 1);
        return Optional.of(d.copy());
    }

    @Override
    public synchronized JsonObject snapshot() {
        return new JsonObject().put("calls", new JsonArray(new ArrayList<>(calls.values())))
                .put("requests", new JsonArray(new ArrayList<>(requests.values())))
                .put("deals", new JsonArray(new ArrayList<>(deals.values())));
    }

    /**
     * The records plus when each was made (the journals' windows and the deals journal read those
     * times, which the records show only to the second or not at all) and the next ids.
     */
    @Override
    public synchronized JsonObject persisted() {
        return snapshot().put("times", new JsonObject().put("calls", times(callTimes)).put("requests", times(requestTimes))
                .put("deals", times(dealTimes)));
    }

    private static <K> JsonObject times(Map<K, LocalDateTime> times) {
        JsonObject out = new JsonObject();
        times.forEach((k, t) -> out.put(String.valueOf(k), t.toString()));
        return out;
    }

    /** A {@link #persisted()} form back: calls, requests and deals with their times; ids continue after the restored ones. */
    @Override
    public synchronized void restore(JsonObject snapshot) {
        List<JsonObject> c = EmulatorRecords.records(snapshot, "calls");
        List<JsonObject> r = EmulatorRecords.records(snapshot, "requests");
        List<JsonObject> d = EmulatorRecords.records(snapshot, "deals");
        JsonObject t = snapshot.getJsonObject("times", new JsonObject());
        Map<Long, LocalDateTime> ct = new LinkedHashMap<>();
        Map<Long, LocalDateTime> rt = new LinkedHashMap<>();
        Map<String, LocalDateTime> dt = new LinkedHashMap<>();
        for (JsonObject x : c) ct.put(x.getLong("callId"), time(t, "calls", x.getLong("callId")));
        for (JsonObject x : r) rt.put(x.getLong("requestId"), time(t, "requests", x.getLong("requestId")));
        for (JsonObject x : d) dt.put(x.getString("orderNumber"), time(t, "deals", x.getString("orderNumber")));
        clear();
        c.forEach(x -> calls.put(x.getLong("callId"), x));
        r.forEach(x -> requests.put(x.getLong("requestId"), x));
        d.forEach(x -> deals.put(x.getString("orderNumber"), x));
        callTimes.putAll(ct);
        requestTimes.putAll(rt);
        dealTimes.putAll(dt);
        nextCall = EmulatorRecords.nextId(1000, "callId", c);
        nextRequest = EmulatorRecords.nextId(5000, "requestId", r);
        nextDeal = EmulatorRecords.nextId(90_000, "calltouchOrderId", d);
    }

    private static LocalDateTime time(JsonObject times, String kind, Object id) {
        String v = times.getJsonObject(kind, new JsonObject()).getString(String.valueOf(id));
        if (v == null) throw new IllegalArgumentException("no time kept for " + kind + " " + id);
        return LocalDateTime.parse(v);
    }

    @Override
    public synchronized void clear() {
        calls.clear();
        requests.clear();
        deals.clear();
        callTimes.clear();
        requestTimes.clear();
        dealTimes.clear();
    }
}

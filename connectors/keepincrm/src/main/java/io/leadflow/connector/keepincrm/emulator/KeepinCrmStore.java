package io.leadflow.connector.keepincrm.emulator;

import io.leadflow.connector.emulator.EmulatorRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The emulated account's records: clients, agreements, tasks, kept in creation order with
 * KeepinCRM-style timestamps ({@code 2026-01-10T12:00:00.000+02:00}: the offset is an assumption
 * [U], the connector must read any). Synchronized: tests read it from their own thread.
 */
public final class KeepinCrmStore implements EmulatorRecords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.ofHours(2));

    private final List<JsonObject> clients = new ArrayList<>();
    private final List<JsonObject> agreements = new ArrayList<>();
    private final List<JsonObject> tasks = new ArrayList<>();
    private long nextId = 1001;

    static String time(Instant t) {
        return TIME.format(t);
    }

    synchronized JsonObject client(Object id) {
        return byId(clients, id);
    }

    synchronized JsonObject agreement(Object id) {
        return byId(agreements, id);
    }

    synchronized JsonObject addClient(JsonObject body, Instant createdAt) {
        JsonObject c = new JsonObject().put("id", nextId++).put("person", body.getValue("person"))
                .put("company", body.getValue("company")).put("email", body.getValue("email"))
                .put("phones", body.getJsonArray("phones", new JsonArray()).copy())
                .put("lead", body.getValue("lead", false)).put("source_id", body.getValue("source_id"))
                .put("status_id", body.getValue("status_id")).put("main_responsible_id", body.getValue("main_responsible_id"))
                .put("created_at", time(createdAt)).put("updated_at", time(createdAt));
        clients.add(c);
        return c.copy();
    }

    synchronized JsonObject addAgreement(JsonObject body, Instant createdAt) {
        JsonObject a = body.copy();
        a.remove("client_attributes");
        a.remove("jobs_attributes");
        if (body.getValue("client_attributes") instanceof JsonObject ca) a.put("client_id", addClient(ca, createdAt).getLong("id"));
        a.put("id", nextId++).put("custom_fields", body.getJsonArray("custom_fields", new JsonArray()).copy())
                .put("jobs", body.getJsonArray("jobs_attributes", new JsonArray()).copy())
                .put("created_at", time(createdAt)).put("updated_at", time(createdAt));
        agreements.add(a);
        return a.copy();
    }

    synchronized JsonObject addTask(JsonObject body, Instant createdAt) {
        JsonObject t = body.copy().put("id", nextId++).put("created_at", time(createdAt));
        tasks.add(t);
        return t.copy();
    }

    /** Applies the given attributes only; custom fields are merged by name. */
    synchronized JsonObject patch(JsonObject record, JsonObject change, Instant now) {
        for (String k : change.fieldNames()) {
            if (k.equals("custom_fields")) {
                JsonArray merged = record.getJsonArray("custom_fields", new JsonArray());
                for (Object o : change.getJsonArray("custom_fields")) {
                    JsonObject f = (JsonObject) o;
                    merged.stream().map(JsonObject.class::cast).filter(x -> x.getValue("name").equals(f.getValue("name")))
                            .findFirst().ifPresentOrElse(x -> x.put("value", f.getValue("value")), () -> merged.add(f.copy()));
                }
                record.put("custom_fields", merged);
            } else if (!k.equals("id") && !k.equals("created_at")) {
                record.put(k, change.getValue(k));
            }
        }
        record.put("updated_at", time(now));
        return record.copy();
    }

    synchronized List<JsonObject> list(String kind, RansackQuery query) {
        List<JsonObject> source = switch (kind) {
            case "clients" -> clients;
            case "agreements" -> agreements;
            default -> tasks;
        };
        return source.stream().filter(query::matches).map(JsonObject::copy).collect(Collectors.toList());
    }

    @Override
    public synchronized JsonObject snapshot() {
        return toJson();
    }

    synchronized JsonObject toJson() {
        return new JsonObject().put("clients", new JsonArray(copies(clients))).put("agreements", new JsonArray(copies(agreements)))
                .put("tasks", new JsonArray(copies(tasks)));
    }

    @Override
    public synchronized void restore(JsonObject snapshot) {
        List<JsonObject> c = EmulatorRecords.records(snapshot, "clients");
        List<JsonObject> a = EmulatorRecords.records(snapshot, "agreements");
        List<JsonObject> t = EmulatorRecords.records(snapshot, "tasks");
        clear();
        clients.addAll(c);
        agreements.addAll(a);
        tasks.addAll(t);
        nextId = EmulatorRecords.nextId(1001, "id", c, a, t);
    }

    @Override
    public synchronized void clear() {
        clients.clear();
        agreements.clear();
        tasks.clear();
    }

    private static List<Object> copies(List<JsonObject> l) {
        return l.stream().map(JsonObject::copy).collect(Collectors.toList());
    }

    private static JsonObject byId(List<JsonObject> list, Object id) {
        if (id == null) return null;
        String want = String.valueOf(id);
        for (JsonObject o : list) if (String.valueOf(o.getValue("id")).equals(want)) return o;
        return null;
    }
}

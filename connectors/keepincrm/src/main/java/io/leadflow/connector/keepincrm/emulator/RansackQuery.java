package io.leadflow.connector.keepincrm.emulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The emulator's reading of Ransack-style list filters, {@code q[<attribute>_<predicate>]=value},
 * as third-party notes describe KeepinCRM's search [U]: predicates {@code eq} (case-insensitive),
 * {@code cont} (substring, case-insensitive), {@code gteq}; {@code q[m]=or} joins them with OR.
 * {@code phones_number_cont} compares digits only (assumed: KeepinCRM searches phones by their
 * digits, so {@code 067 123 45 67} is found by {@code 671234567}) [U].
 */
final class RansackQuery {
    private record Predicate(String attribute, String op, String value) { }

    /** No condition: every record. */
    static final RansackQuery NONE = new RansackQuery(List.of(), false);

    private final List<Predicate> predicates;
    private final boolean any;

    private RansackQuery(List<Predicate> predicates, boolean any) {
        this.predicates = predicates;
        this.any = any;
    }

    /** Reads the {@code q[...]} parameters; throws {@link IllegalArgumentException} on an unknown predicate. */
    static RansackQuery parse(MultiMap params) {
        List<Predicate> out = new ArrayList<>();
        boolean any = false;
        for (var e : params.entries()) {
            String key = e.getKey();
            if (!key.startsWith("q[") || !key.endsWith("]")) continue;
            String inner = key.substring(2, key.length() - 1);
            if (inner.equals("m")) {
                any = "or".equalsIgnoreCase(e.getValue());
                continue;
            }
            int us = inner.lastIndexOf('_');
            String op = us < 0 ? "" : inner.substring(us + 1);
            if (!List.of("eq", "cont", "gteq").contains(op)) throw new IllegalArgumentException("unknown predicate in " + key);
            out.add(new Predicate(inner.substring(0, us), op, e.getValue()));
        }
        return new RansackQuery(out, any);
    }

    boolean matches(JsonObject record) {
        if (predicates.isEmpty()) return true;
        for (Predicate p : predicates) {
            boolean m = matches(record, p);
            if (any && m) return true;
            if (!any && !m) return false;
        }
        return !any;
    }

    private static boolean matches(JsonObject record, Predicate p) {
        if (p.attribute().equals("phones_number")) {
            String wanted = digits(p.value());
            JsonArray phones = record.getJsonArray("phones", new JsonArray());
            for (Object phone : phones) if (!wanted.isEmpty() && digits(String.valueOf(phone)).contains(wanted)) return true;
            return false;
        }
        Object v = record.getValue(p.attribute());
        if (v == null) return false;
        String have = String.valueOf(v).toLowerCase(Locale.ROOT);
        String want = p.value().toLowerCase(Locale.ROOT);
        return switch (p.op()) {
            case "eq" -> have.equals(want);
            case "cont" -> have.contains(want);
            default -> have.compareTo(want) >= 0;
        };
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }
}

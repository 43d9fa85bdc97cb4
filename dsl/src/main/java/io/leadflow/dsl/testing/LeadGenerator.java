package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.source.Confidence;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random leads in the shape a source sends them: every field of the source's payload schema with a
 * value of its type, plus whatever the flow reads of an open part (site forms, unlisted items).
 * Fields the reference confirms are always sent; the others (partly confirmed, unconfirmed, or not
 * in the schema at all) are sometimes missing, null or empty, because that is what a real sender
 * does with them. Phones come in every written form of the flow's country and of others, and as
 * junk; names in Cyrillic and Latin, with apostrophes, long or empty; lists of 0 to
 * {@link Narrowing#maxItems} items.
 */
final class LeadGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("Олена", "Іван Петренко", "Ольга Сергіївна Коваль", "O'Neil", "Дар'я",
            "Anna-Maria", "Светлана", "Ли", "Jörg Müller", "Максим 🙂", "D");
    private static final List<String> WORDS = List.of("Київ", "Львів", "вул. Шевченка, 1", "Moscow", "test", "#12", "A&B <b>", "ok",
            "Нова Пошта №5", "comment\nwith a newline", "x");
    private static final List<String> EMAILS = List.of("olena@example.com", "Ivan.Petrenko@Example.COM", "a+b@shop.ua", "x@y.z");

    /**
     * What the user narrowed: the longest generated list, the country whose numbers dominate, and
     * whether the source is a web form (whose empty inputs arrive as empty strings; an API leaves
     * a field out or sends null).
     */
    record Narrowing(int maxItems, String region, boolean form) { }

    private final PayloadSchema schema;
    private final ReadPaths reads;
    private final Narrowing narrowing;

    LeadGenerator(PayloadSchema schema, ReadPaths reads, Narrowing narrowing) {
        this.schema = schema;
        this.reads = reads;
        this.narrowing = narrowing;
    }

    ObjectNode next(SplittableRandom r) {
        ObjectNode lead = object(schema, reads.lead, r, 0);
        if (!reads.phonePath.isEmpty() && r.nextInt(12) != 0) put(lead, reads.phonePath, phone(r));
        return lead;
    }

    private ObjectNode object(PayloadSchema s, ReadPaths.Node read, SplittableRandom r, int depth) {
        ObjectNode o = F.objectNode();
        for (PayloadField f : s.fields().values()) {
            ReadPaths.Node sub = read == null ? null : read.members.get(f.name());
            if (f.confidence() != Confidence.CONFIRMED && r.nextInt(10) < 4) {
                missing(o, f.name(), r, narrowing.form());
                continue;
            }
            o.set(f.name(), value(f.type(), f.nested(), sub, r, depth));
        }
        if (read != null && (s.open() || s.fields().isEmpty())) {
            for (Map.Entry<String, ReadPaths.Node> e : read.members.entrySet()) {
                if (s.fields().containsKey(e.getKey())) continue;
                if (r.nextInt(10) < 3) {
                    missing(o, e.getKey(), r, narrowing.form());
                    continue;
                }
                ReadPaths.Node n = e.getValue();
                o.set(e.getKey(), n.items != null ? list(PayloadSchema.anyFields(), n.items, r, depth)
                        : n.leaf() ? guess(e.getKey(), r) : object(PayloadSchema.anyFields(), n, r, depth + 1));
            }
        }
        return o;
    }

    /** Left out, or sent as null (or, from a form, as an empty string), as senders do with a field they have no value for. */
    private static void missing(ObjectNode o, String name, SplittableRandom r, boolean form) {
        int k = r.nextInt(form ? 3 : 2);
        if (k == 1) o.putNull(name);
        else if (k == 2) o.put(name, "");
    }

    private JsonNode value(FieldType t, PayloadSchema nested, ReadPaths.Node read, SplittableRandom r, int depth) {
        return switch (t) {
            case OBJECT -> depth > 6 ? F.objectNode() : object(nested, read, r, depth + 1);
            case LIST -> list(nested, read == null ? null : read.items, r, depth);
            case PHONE -> F.textNode(phone(r));
            case EMAIL -> F.textNode(pick(EMAILS, r));
            case INTEGER -> r.nextInt(8) == 0 ? F.textNode(Integer.toString(r.nextInt(100_000))) : F.numberNode(r.nextInt(100_000));
            case NUMBER, CURRENCY -> t == FieldType.CURRENCY ? F.textNode(pick(List.of("UAH", "USD", "EUR", "RUB"), r))
                    : F.numberNode(Math.round(r.nextDouble() * 100_000) / 100.0);
            case BOOLEAN -> F.booleanNode(r.nextBoolean());
            case DATE -> F.textNode(String.format("2026-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)));
            case DATETIME -> F.textNode(String.format("2026-%02d-%02d %02d:%02d:%02d", 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60)));
            case ANY -> r.nextBoolean() ? F.numberNode(r.nextInt(3000)) : F.textNode(pick(WORDS, r));
            case STRING, TEXT, COUNTRY, ENUM -> F.textNode(text(r));
        };
    }

    private ArrayNode list(PayloadSchema items, ReadPaths.Node readItem, SplittableRandom r, int depth) {
        ArrayNode a = F.arrayNode();
        int n = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(Math.max(1, Math.min(narrowing.maxItems(), r.nextInt(8) == 0 ? narrowing.maxItems() : 5)));
        for (int i = 0; i < n && depth < 6; i++) a.add(object(items, readItem, r, depth + 1));
        return a;
    }

    /** A value for a form field the flow reads, typed by its name the way site forms are. */
    private JsonNode guess(String name, SplittableRandom r) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("phone") || n.contains("tel")) return F.textNode(phone(r));
        if (n.contains("mail")) return F.textNode(pick(EMAILS, r));
        if (n.contains("name")) return F.textNode(pick(NAMES, r));
        if (n.contains("currency")) return F.textNode(pick(List.of("UAH", "pln", "EUR", "usd"), r));
        if (n.contains("country")) return F.textNode(pick(List.of("UA", "pl", "DE", "cz"), r));
        if (n.contains("id") || n.contains("count") || n.contains("qty") || n.contains("price") || n.contains("total")) {
            return r.nextBoolean() ? F.numberNode(r.nextInt(10_000)) : F.textNode(Integer.toString(r.nextInt(10_000)));
        }
        return r.nextInt(5) == 0 ? F.numberNode(r.nextInt(3000)) : F.textNode(text(r));
    }

    private static String text(SplittableRandom r) {
        int k = r.nextInt(20);
        if (k == 0) return "Я".repeat(300);
        if (k < 8) return pick(NAMES, r);
        return pick(WORDS, r);
    }

    /** A schema value for one path (what {@code maybe()} narrows to). */
    JsonNode valueAt(List<String> path, SplittableRandom r) {
        Located at = locate(path);
        if (at.field != null) return value(at.field.type(), at.field.nested(), at.read, r, path.size());
        return at.read != null && !at.read.leaf() ? object(PayloadSchema.anyFields(), at.read, r, path.size()) : guess(path.get(path.size() - 1), r);
    }

    /** A list of exactly {@code n} items for one path, each as the schema (or the flow's reads) describe them. */
    ArrayNode listAt(List<String> path, int n, SplittableRandom r) {
        Located at = locate(path);
        PayloadSchema items = at.field != null ? at.field.nested() : PayloadSchema.anyFields();
        ReadPaths.Node readItem = at.read == null ? null : at.read.items;
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < n; i++) a.add(object(items, readItem, r, path.size() + 1));
        return a;
    }

    private record Located(PayloadField field, ReadPaths.Node read) { }

    private Located locate(List<String> path) {
        PayloadSchema s = schema;
        PayloadField field = null;
        ReadPaths.Node read = reads.lead;
        for (String name : path) {
            field = s == null ? null : s.field(name).orElse(null);
            s = field == null ? null : field.nested();
            read = read == null ? null : read.members.get(name);
        }
        return new Located(field, read);
    }

    /** A phone as people type it: the flow's country in its usual forms, another country, or junk. */
    String phone(SplittableRandom r) {
        int k = r.nextInt(20);
        if (k == 0) return pick(List.of("", "123", "n/a", "+", "0000000000", "067 123"), r);
        boolean own = k > 4;
        return phoneOf(own ? narrowing.region() : narrowing.region().equals("RU") ? "UA" : "RU", r);
    }

    /** A number of that country (UA or RU forms; others written as the UA forms) as people type it. */
    String phoneOf(String region, SplittableRandom r) {
        String sub = String.format("%07d", r.nextInt(10_000_000));
        String ua = pick(List.of("67", "50", "63", "93", "97", "44"), r);
        String ru = pick(List.of("915", "903", "495", "926"), r);
        if (region.equals("RU") || region.equals("KZ")) {
            String d = sub.substring(0, 3) + "-" + sub.substring(3, 5) + "-" + sub.substring(5);
            return pick(List.of("7" + ru + sub, "+7 " + ru + " " + d, "8 (" + ru + ") " + d, "8" + ru + sub, "+7" + ru + sub), r);
        }
        String spaced = sub.substring(0, 3) + " " + sub.substring(3, 5) + " " + sub.substring(5);
        return pick(List.of("0" + ua + " " + spaced, "+380" + ua + sub, "380" + ua + sub, "0" + ua + sub, "(0" + ua + ") " + sub.substring(0, 3)
                + "-" + sub.substring(3, 5) + "-" + sub.substring(5), "8 0" + ua + " " + spaced, "+38 (0" + ua + ") " + spaced), r);
    }

    static void put(ObjectNode lead, List<String> path, String value) {
        ObjectNode o = lead;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = o.get(path.get(i));
            if (!(next instanceof ObjectNode)) {
                next = F.objectNode();
                o.set(path.get(i), next);
            }
            o = (ObjectNode) next;
        }
        o.put(path.get(path.size() - 1), value);
    }

    private static <T> T pick(List<T> xs, SplittableRandom r) {
        return xs.get(r.nextInt(xs.size()));
    }
}

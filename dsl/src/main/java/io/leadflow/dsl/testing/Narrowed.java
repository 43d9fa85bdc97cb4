package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ast.Arg;
import io.leadflow.dsl.ast.CallExpr;
import io.leadflow.dsl.ast.Expr;
import io.leadflow.dsl.ast.ObjectExpr;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.phone.PhoneStandardizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code lead { … }} object of a {@code property}: for each path, a constant or a generator
 * that replaces what the schema generator made there. Generators:
 * <pre>
 * phone("UA")        a valid number of that country (by the flow's phone rules), in any written form
 * phone()            the same, of the flow's country
 * text() / text(a, b)  text of a to b characters      number(a, b) / integer(a, b)
 * email()            an email address                 list(a, b)   a list of a to b items (items as the schema says)
 * one_of(x, y, …)    one of these constants or generators
 * maybe(x)           x or left out; maybe() the schema's value or left out        missing()  left out
 * </pre>
 * A path that is narrowed is kept as generated when a counterexample is shrunk.
 */
final class Narrowed {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One generator; {@code value} returns null to leave the field out. */
    private interface Gen {
        JsonNode value(List<String> path, SplittableRandom r);
    }

    private final Map<List<String>, Gen> byPath = new LinkedHashMap<>();
    private final LeadGenerator schema;
    private final PhoneStandardizer phones;
    private final String region;

    /** @throws IllegalArgumentException naming the position of a value that is neither a constant nor a known generator */
    Narrowed(ObjectExpr lead, LeadGenerator schema, PhoneStandardizer phones, String region) {
        this.schema = schema;
        this.phones = phones;
        this.region = region;
        if (lead != null) collect(lead, List.of());
    }

    boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** The narrowed paths, to keep them when shrinking. */
    List<List<String>> paths() {
        return List.copyOf(byPath.keySet());
    }

    private void collect(ObjectExpr o, List<String> prefix) {
        for (ObjectExpr.Field f : o.fields()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(f.key());
            if (f.value() instanceof ObjectExpr inner && Constants.of(inner) == null) collect(inner, List.copyOf(path));
            else byPath.put(List.copyOf(path), gen(f.value()));
        }
    }

    private Gen gen(Expr e) {
        JsonNode constant = Constants.of(e);
        if (constant != null) return (p, r) -> constant;
        if (!(e instanceof CallExpr c)) {
            throw new IllegalArgumentException(e.span().at() + ": a property's lead holds constants or generators"
                    + " (phone, text, number, integer, email, list, one_of, maybe, missing)");
        }
        List<Expr> args = c.args().stream().map(Arg::value).toList();
        return switch (c.name()) {
            case "phone" -> {
                String country = args.isEmpty() ? region : text(args.get(0), c);
                yield (p, r) -> F.textNode(validPhone(country, r, c));
            }
            case "text" -> {
                int min = args.isEmpty() ? 0 : count(args.get(0), c);
                int max = args.size() < 2 ? 100 : count(args.get(1), c);
                yield (p, r) -> F.textNode(text(min + r.nextInt(Math.max(1, max - min + 1)), r));
            }
            case "number", "integer" -> {
                long min = args.isEmpty() ? 0 : count(args.get(0), c);
                long max = args.size() < 2 ? 100_000 : count(args.get(1), c);
                boolean integer = c.name().equals("integer");
                yield (p, r) -> {
                    long whole = min + r.nextLong(Math.max(1, max - min + 1));
                    return integer || whole == max ? F.numberNode(whole) : F.numberNode(whole + r.nextInt(100) / 100.0);
                };
            }
            case "email" -> (p, r) -> F.textNode("user" + r.nextInt(10_000) + "@example.com");
            case "list" -> {
                int min = args.isEmpty() ? 0 : count(args.get(0), c);
                int max = args.size() < 2 ? 50 : count(args.get(1), c);
                yield (p, r) -> schema.listAt(p, min + r.nextInt(Math.max(1, max - min + 1)), r);
            }
            case "one_of" -> {
                if (args.isEmpty()) throw new IllegalArgumentException(c.span().at() + ": one_of needs at least one value");
                List<Gen> options = args.stream().map(this::gen).toList();
                yield (p, r) -> options.get(r.nextInt(options.size())).value(p, r);
            }
            case "maybe" -> {
                Gen inner = args.isEmpty() ? (p, r) -> schema.valueAt(p, r) : gen(args.get(0));
                yield (p, r) -> r.nextBoolean() ? inner.value(p, r) : null;
            }
            case "missing" -> (p, r) -> null;
            default -> throw new IllegalArgumentException(c.span().at() + ": unknown generator '" + c.name()
                    + "'; a property's lead uses phone, text, number, integer, email, list, one_of, maybe, missing");
        };
    }

    /** The lead with every narrowed path set (or left out). */
    ObjectNode apply(ObjectNode lead, SplittableRandom r) {
        for (Map.Entry<List<String>, Gen> e : byPath.entrySet()) {
            JsonNode v = e.getValue().value(e.getKey(), r);
            set(lead, e.getKey(), v);
        }
        return lead;
    }

    private static void set(ObjectNode lead, List<String> path, JsonNode v) {
        ObjectNode o = lead;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode next = o.get(path.get(i));
            if (!(next instanceof ObjectNode)) {
                next = F.objectNode();
                o.set(path.get(i), next);
            }
            o = (ObjectNode) next;
        }
        String last = path.get(path.size() - 1);
        if (v == null) o.remove(last);
        else o.set(last, v instanceof ArrayNode || v instanceof ObjectNode ? v.deepCopy() : v);
    }

    private String validPhone(String country, SplittableRandom r, CallExpr at) {
        PhoneStandardizer standardizer = country.equalsIgnoreCase(region) ? phones
                : new PhoneStandardizer(io.leadflow.dsl.phone.PhoneProfile.of(java.util.Optional.of(country.toUpperCase(java.util.Locale.ROOT)),
                java.util.Optional.empty(), false));
        for (int i = 0; i < 200; i++) {
            String p = schema.phoneOf(country.toUpperCase(java.util.Locale.ROOT), r);
            if (standardizer.standardize(p).e164() != null) return p;
        }
        throw new IllegalArgumentException(at.span().at() + ": no valid " + country + " number could be generated for the flow's phone rules");
    }

    private static String text(int length, SplittableRandom r) {
        String letters = "абвгдеєжзиіїйклмнопрстуфхцчшщьюяabcdefghijklmnopqrstuvwxyz '-";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(letters.charAt(r.nextInt(letters.length())));
        return b.toString();
    }

    private static String text(Expr e, CallExpr c) {
        JsonNode v = Constants.of(e);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(c.span().at() + ": " + c.name() + " takes a country code such as \"UA\"");
        return v.asText();
    }

    private static int count(Expr e, CallExpr c) {
        JsonNode v = Constants.of(e);
        if (v == null || !v.canConvertToInt() || v.asInt() < 0) {
            throw new IllegalArgumentException(e.span().at() + ": " + c.name() + " takes whole numbers ≥ 0");
        }
        return v.asInt();
    }
}

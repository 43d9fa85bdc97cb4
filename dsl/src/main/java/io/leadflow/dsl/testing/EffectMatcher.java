package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.ast.Expectation.Verb;
import io.leadflow.dsl.decide.EffectJson;
import io.leadflow.spi.effect.Effect;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Whether an effect is the one an {@code expect} names. Keys {@code id}, {@code contact},
 * {@code deal}, {@code manager}, {@code mark} compare with the effect itself; every other key
 * with its mapped fields. Partial: at least these fields; exact: these fields and no others.
 * Numbers and numeric text compare by value ({@code 9} matches {@code "9"}).
 */
final class EffectMatcher {
    static final Set<String> OWN_KEYS = Set.of("id", "contact", "deal", "manager", "mark", "reason");

    private EffectMatcher() { }

    /** @param target contact, deal, order or task */
    public static boolean sameKind(Effect e, Verb verb, String target) {
        String[] d = e.describe().split(" ", 2);
        if (d.length < 2) return false;
        String t = target.equals("order") ? "deal" : target;
        return d[1].equals(t) && (verb == Verb.ANY || verb.name().equalsIgnoreCase(d[0]));
    }

    public static boolean matches(Effect e, JsonNode expected, boolean exact) {
        if (expected == null) return true;
        ObjectNode view = EffectJson.of(e);
        JsonNode fields = view.get("fields");
        int fieldKeys = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> x = it.next();
            boolean own = OWN_KEYS.contains(x.getKey()) && view.has(x.getKey());
            if (!own) fieldKeys++;
            JsonNode actual = own ? view.get(x.getKey()) : fields.get(x.getKey());
            if (!same(x.getValue(), actual, exact)) return false;
        }
        return !exact || fieldKeys == fields.size();
    }

    static boolean same(JsonNode want, JsonNode got, boolean exact) {
        boolean wantNull = want == null || want.isNull();
        boolean gotNull = got == null || got.isNull() || got.isMissingNode();
        if (wantNull || gotNull) return wantNull && gotNull;
        if (want.isObject()) {
            if (!got.isObject() || exact && want.size() != got.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> x = it.next();
                if (!same(x.getValue(), got.get(x.getKey()), exact)) return false;
            }
            return true;
        }
        if (want.isArray()) {
            if (!got.isArray() || want.size() != got.size()) return false;
            for (int i = 0; i < want.size(); i++) if (!same(want.get(i), got.get(i), exact)) return false;
            return true;
        }
        if (want.isNumber() || got.isNumber()) {
            try {
                return new java.math.BigDecimal(want.asText()).compareTo(new java.math.BigDecimal(got.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return want.asText().equals(got.asText());
    }
}

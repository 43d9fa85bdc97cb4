package io.leadflow.runtime.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leadflow.connector.CrmConnector;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountField;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.effect.FieldRefusals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A decided lead's effects against what the target defines, before the first of them is
 * sent (issue 9 defect 2): a required field a create leaves out (connector schema or account),
 * a value the connector's schema says its field cannot take, a custom field the account does not have (or has on another entity),
 * or a value its field type cannot take, refuses the whole lead, so no lead is half applied. A
 * value the field's type can take in another form is converted in place (defect 6): a number
 * into a text field is sent as text, a numeric text into a number field as a number.
 *
 * <p>Field types are the CRM's own names as {@link AccountField#type()} reports them; an unknown
 * or empty type is left alone (the connector and the CRM decide).
 */
public final class Preflight {
    private static final Set<String> TEXT = Set.of("string", "text", "textarea", "email", "phone", "url", "link", "input");
    private static final Set<String> NUMBER = Set.of("integer", "int", "numeric", "number", "float", "decimal", "double");

    private Preflight() { }

    /**
     * Converts the effects' custom-field values per their field type, in place, and returns why
     * the target would refuse the lead, if it would: a required field of the connector's schema
     * (or of the account's own field list) that a create leaves out, a value the connector's
     * schema says the field cannot take ({@link FieldRefusals}, the same judgement as
     * {@code leadflow test}'s built-in properties), a custom field the account lacks.
     *
     * @param target  the target connector's descriptor (its entity schemas)
     * @param account the account's own field list, when it was read (sandbox: the emulated account)
     */
    public static Optional<String> check(ConnectorDescriptor target, Optional<AccountSchema> account, List<Effect> effects) {
        return check(target, e -> List.of(), account, effects);
    }

    /**
     * Same, adding what the connector itself knows it would refuse from its account's settings
     * ({@link CrmConnector#refusals}: a KeyCRM order with no source), so every effect of the
     * lead, not only the first, is judged before anything is sent.
     */
    public static Optional<String> check(CrmConnector connector, Optional<AccountSchema> account, List<Effect> effects) {
        return check(connector.descriptor(), connector::refusals, account, effects);
    }

    private static Optional<String> check(ConnectorDescriptor target, Function<Effect, List<String>> connectorRefusals,
                                          Optional<AccountSchema> account, List<Effect> effects) {
        List<String> refused = new ArrayList<>();
        for (Effect e : effects) {
            for (FieldRefusals.Refused r : FieldRefusals.of(target, e)) refused.add(r.message());
            refused.addAll(connectorRefusals.apply(e));
        }
        String who = target == null ? "the CRM" : target.displayName();
        if (account.isPresent()) {
            List<String> own = check(account.get(), effects);
            refused.addAll(own);
            who = "the " + account.get().connector() + " account '" + account.get().account() + "'";
        }
        if (refused.isEmpty()) return Optional.empty();
        return Optional.of("refused before any effect (" + who + " would not take it): " + String.join("; ", refused));
    }

    /** The account's own judgement: unknown or misplaced custom fields, required ones a create leaves out, values their type cannot take. */
    private static List<String> check(AccountSchema schema, List<Effect> effects) {
        Map<EntityKind, Set<String>> used = new EnumMap<>(EntityKind.class);
        List<String> problems = new ArrayList<>();
        for (Effect e : effects) {
            EntityKind entity = FieldRefusals.entity(e).orElse(null);
            if (entity == null || e.fields() == null) continue;
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().startsWith(entity.customFieldPrefix()) && !isCustom(f.getKey())) continue;
                used.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(f.getKey());
                field(schema, entity, f.getKey()).ifPresent(def -> convert(e.fields(), f.getKey(), def).ifPresent(problems::add));
            }
            if (FieldRefusals.creates(e)) {
                for (AccountField def : schema.customFields()) {
                    if (def.entity() == entity && def.required() && !sets(e.fields(), def)) {
                        problems.add(e.describe() + ": custom field " + def.ruleName()
                                + (def.label().isEmpty() ? "" : " (\"" + def.label() + "\")") + " is required by the account and not set");
                    }
                }
            }
        }
        List<String> refused = new ArrayList<>();
        for (AccountFinding finding : AccountSchemaCheck.check(used, schema)) refused.add(finding.message());
        refused.addAll(problems);
        return refused;
    }

    /** Whether the fields give the custom field a value (under its id or an alias), not null and not blank text. */
    private static boolean sets(ObjectNode fields, AccountField def) {
        String prefix = def.entity().customFieldPrefix();
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith(prefix) || !def.answersTo(name.substring(prefix.length()))) continue;
            JsonNode v = fields.get(name);
            if (v != null && !v.isNull() && !(v.isTextual() && v.textValue().isBlank())) return true;
        }
        return false;
    }

    private static Optional<String> convert(ObjectNode fields, String name, AccountField def) {
        String type = def.type().toLowerCase(Locale.ROOT);
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (TEXT.contains(type) && (v.isNumber() || v.isBoolean())) {
            fields.set(name, TextNode.valueOf(v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText()));
        } else if (NUMBER.contains(type) && v.isTextual()) {
            try {
                BigDecimal n = new BigDecimal(v.textValue().trim());
                boolean whole = type.startsWith("int");
                if (whole && n.stripTrailingZeros().scale() > 0) {
                    return Optional.of(name + " = \"" + v.textValue() + "\": the field is " + def.type() + " and takes whole numbers");
                }
                fields.put(name, whole ? (JsonNode) fields.numberNode(n.toBigIntegerExact()) : fields.numberNode(n));
            } catch (NumberFormatException | ArithmeticException ex) {
                return Optional.of(name + " = \"" + v.textValue() + "\": the field is " + def.type() + " and this is not a number");
            }
        }
        return Optional.empty();
    }

    private static Optional<AccountField> field(AccountSchema schema, EntityKind entity, String name) {
        if (!name.startsWith(entity.customFieldPrefix())) return Optional.empty();
        String id = name.substring(entity.customFieldPrefix().length());
        return schema.customFields().stream().filter(f -> f.entity() == entity && f.answersTo(id)).findFirst();
    }

    private static boolean isCustom(String name) {
        for (EntityKind k : EntityKind.values()) if (name.startsWith(k.customFieldPrefix())) return true;
        return false;
    }
}

package io.leadflow.spi.account;

import io.leadflow.spi.EntityKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the custom-field names a program uses ({@code deal_cf_<id>}, {@code contact_cf_<id>})
 * against what one account defines. Pure: no I/O, same answer for the same input. The runtime
 * calls it at start-up when credentials are given, after {@code CrmConnector.accountSchema()},
 * and prints each finding as a diagnostic; the compiler's descriptor check (does this CRM take
 * custom fields at all, in which style) has already run.
 *
 * <p>A name is fine when a field of the same entity answers to its id (or an alias, e.g. KeyCRM's
 * bare number). Otherwise it is {@link AccountFinding.Kind#WRONG_ENTITY} when the id belongs to
 * another entity (or the prefix disagrees with the block that writes it), else
 * {@link AccountFinding.Kind#UNKNOWN_FIELD} with the closest field of that entity as a
 * suggestion, or the list of the entity's fields when none is close. Names without a
 * custom-field prefix are not custom fields and are skipped. {@link #checkValues} does the same
 * for literal status / stage ids.
 */
public final class AccountSchemaCheck {
    private static final int LISTED = 10;

    private AccountSchemaCheck() { }

    /**
     * @param used   per entity the program writes, the custom-field names it writes there, as in
     *               the rule file ({@code DEAL -> ["deal_cf_OR_1037", "deal_cf_1040"]})
     * @param schema the account's own definitions
     * @return findings in entity order, then in the order the names were given; empty when all is well
     */
    public static List<AccountFinding> check(Map<EntityKind, ? extends Collection<String>> used, AccountSchema schema) {
        List<AccountFinding> out = new ArrayList<>();
        new EnumMap<EntityKind, Collection<String>>(used).forEach((entity, names) -> {
            for (String name : names) checkOne(entity, name, schema).ifPresent(out::add);
        });
        return out;
    }

    /** Same, with each name's entity taken from its prefix ({@code deal_cf_} → deal). */
    public static List<AccountFinding> check(Collection<String> names, AccountSchema schema) {
        Map<EntityKind, List<String>> byEntity = new EnumMap<>(EntityKind.class);
        for (String name : names) {
            prefixEntity(name).ifPresent(e -> byEntity.computeIfAbsent(e, k -> new ArrayList<>()).add(name));
        }
        return check(byEntity, schema);
    }

    /**
     * Checks the literal values a program writes into deal reference fields ({@code status_id = 2}
     * in a value table) against the ids the account listed in {@link AccountSchema#referenceIds()}.
     * A field the schema did not read is not checked.
     *
     * @param values per deal field name, the literal values written there, as text ({@code "2"})
     * @return one {@link AccountFinding.Kind#UNKNOWN_VALUE} per unknown value, in the order given
     */
    public static List<AccountFinding> checkValues(Map<String, ? extends Collection<String>> values, AccountSchema schema) {
        List<AccountFinding> out = new ArrayList<>();
        values.forEach((field, written) -> {
            Set<String> known = schema.referenceIds().get(field);
            if (known == null) return;
            for (String v : written) {
                if (known.contains(v)) continue;
                String listed = known.stream().sorted().limit(LISTED).collect(Collectors.joining(", "))
                        + (known.size() > LISTED ? " and " + (known.size() - LISTED) + " more" : "");
                out.add(new AccountFinding(AccountFinding.Kind.UNKNOWN_VALUE, EntityKind.DEAL, field + " = " + v,
                        field + " = " + v + ": the " + schema.connector() + " account '" + schema.account() + "' has no such "
                                + field + (known.isEmpty() ? " (it lists none)" : "; it has " + listed), Optional.empty()));
            }
        });
        return out;
    }

    private static Optional<AccountFinding> checkOne(EntityKind entity, String name, AccountSchema schema) {
        Optional<EntityKind> prefix = prefixEntity(name);
        if (prefix.isEmpty()) return Optional.empty();
        String id = name.substring(prefix.get().customFieldPrefix().length());
        String where = schema.connector() + " account '" + schema.account() + "'";
        if (prefix.get() != entity) {
            String meant = entity.customFieldPrefix() + id;
            return Optional.of(new AccountFinding(AccountFinding.Kind.WRONG_ENTITY, entity, name,
                    name + ": a " + entity.blockName() + " custom field is written " + meant + " (" + where + ")",
                    fieldsOf(schema, entity).stream().anyMatch(f -> f.answersTo(id)) ? Optional.of(meant) : Optional.empty()));
        }
        if (fieldsOf(schema, entity).stream().anyMatch(f -> f.answersTo(id))) return Optional.empty();
        Optional<AccountField> elsewhere = schema.customFields().stream()
                .filter(f -> f.entity() != entity && f.answersTo(id)).findFirst();
        if (elsewhere.isPresent()) {
            AccountField f = elsewhere.get();
            return Optional.of(new AccountFinding(AccountFinding.Kind.WRONG_ENTITY, entity, name,
                    name + ": '" + id + "' is a " + f.entity().blockName() + " custom field" + label(f) + " in the " + where
                            + ", not a " + entity.blockName() + " one; write it as " + f.ruleName() + " on the " + f.entity().blockName(),
                    Optional.of(f.ruleName())));
        }
        List<AccountField> candidates = fieldsOf(schema, entity);
        Optional<AccountField> close = Suggestions.closest(id, candidates);
        String message = name + ": the " + where + " has no " + entity.blockName() + " custom field '" + id + "'";
        if (close.isPresent()) {
            message += "; did you mean " + close.get().ruleName() + label(close.get()) + "?";
        } else if (candidates.isEmpty()) {
            message += "; it defines no " + entity.blockName() + " custom fields";
        } else {
            message += "; its " + entity.blockName() + " custom fields are " + candidates.stream().limit(LISTED)
                    .map(f -> f.ruleName() + label(f)).collect(Collectors.joining(", "))
                    + (candidates.size() > LISTED ? " and " + (candidates.size() - LISTED) + " more" : "");
        }
        return Optional.of(new AccountFinding(AccountFinding.Kind.UNKNOWN_FIELD, entity, name, message,
                close.map(AccountField::ruleName)));
    }

    private static List<AccountField> fieldsOf(AccountSchema schema, EntityKind entity) {
        return schema.customFields().stream().filter(f -> f.entity() == entity).toList();
    }

    private static String label(AccountField f) {
        return f.label().isEmpty() || f.label().equals(f.id()) ? "" : " (\"" + f.label() + "\")";
    }

    private static Optional<EntityKind> prefixEntity(String name) {
        for (EntityKind e : EntityKind.values()) {
            String p = e.customFieldPrefix();
            if (name.startsWith(p) && name.length() > p.length()) return Optional.of(e);
        }
        return Optional.empty();
    }
}

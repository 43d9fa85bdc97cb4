package io.leadflow.spi.account;

import io.leadflow.spi.EntityKind;
import java.util.Objects;
import java.util.Set;

/**
 * One custom field an account defines.
 *
 * @param entity  the rule-file entity it belongs to (KeyCRM orders and funnel cards, RetailCRM orders,
 *                Baselinker orders, KeepinCRM agreements are all {@link EntityKind#DEAL})
 * @param id      what follows {@code deal_cf_} / {@code contact_cf_} in a rule file: KeyCRM's uuid
 *                ({@code OR_1037}), RetailCRM's code ({@code ct_site_id}), Baselinker's and
 *                KeepinCRM's numeric id ({@code 4117})
 * @param label   the name people see in the CRM, for messages (may be empty)
 * @param type    the CRM's own type name ({@code text}, {@code select}…; may be empty)
 * @param aliases other spellings the connector accepts for the same field (KeyCRM: the bare
 *                numeric id, {@code deal_cf_1037})
 * @param required the account declares the field required (KeyCRM's definitions say so [C]): a
 *                create that leaves it out is refused before its lead's first effect
 */
public record AccountField(EntityKind entity, String id, String label, String type, Set<String> aliases, boolean required) {

    public AccountField {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        type = type == null ? "" : type;
        aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    }

    public AccountField(EntityKind entity, String id, String label, String type, Set<String> aliases) {
        this(entity, id, label, type, aliases, false);
    }

    public AccountField(EntityKind entity, String id, String label, String type) {
        this(entity, id, label, type, Set.of(), false);
    }

    /** The same field, declared required by the account. */
    public AccountField asRequired() {
        return new AccountField(entity, id, label, type, aliases, true);
    }

    /** The rule-file name of this field: {@code deal_cf_OR_1037}. */
    public String ruleName() {
        return entity.customFieldPrefix() + id;
    }

    /** Whether a rule-file id (after the prefix) names this field. */
    public boolean answersTo(String ruleId) {
        return id.equals(ruleId) || aliases.contains(ruleId);
    }
}

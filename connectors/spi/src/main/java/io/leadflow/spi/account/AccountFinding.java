package io.leadflow.spi.account;

import io.leadflow.spi.EntityKind;
import java.util.Optional;

/**
 * One problem found by {@link AccountSchemaCheck}: a custom-field name the program uses that the
 * account does not define for that entity, or a literal id (a status) the account does not have.
 *
 * @param kind       what is wrong
 * @param entity     the entity the program writes the field on
 * @param field      the rule-file name as written ({@code deal_cf_OR_1073}); for an unknown value,
 *                   {@code <field> = <value>} ({@code status_id = 9})
 * @param message    one line for a person, naming the connector and account
 * @param suggestion the rule-file name probably meant ({@code deal_cf_OR_1037}), if any
 */
public record AccountFinding(Kind kind, EntityKind entity, String field, String message, Optional<String> suggestion) {

    public enum Kind {
        /** The account has no such custom field on any entity. */
        UNKNOWN_FIELD,
        /** The id exists, but on another entity (a contact field written on a deal, or the prefix disagrees with the block). */
        WRONG_ENTITY,
        /** A literal value of a reference field ({@code status_id}) that the account does not define. */
        UNKNOWN_VALUE
    }
}

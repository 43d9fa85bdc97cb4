package io.leadflow.spi.account;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one account of a CRM defines, as read from its API at start-up.
 *
 * @param connector    the connector name ({@code keycrm})
 * @param account      the account name from the configuration ({@code main})
 * @param customFields every custom field of the entities Leadflow writes
 * @param referenceIds known ids per rule-file <em>deal</em> field, where they were cheap to read
 *                     ({@code "status_id" -> {"1","2",…}}); a field absent here was not read
 */
public record AccountSchema(String connector, String account, List<AccountField> customFields,
                            Map<String, Set<String>> referenceIds) {

    public AccountSchema {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(account, "account");
        customFields = List.copyOf(customFields);
        referenceIds = Map.copyOf(referenceIds);
    }
}

package io.leadflow.runtime.account;

import java.util.List;

/**
 * The outcome of checking one account: {@code status} is "checked" or "not checked: reason";
 * {@code warnings} are the findings, one line each (empty when all is well or not checked).
 */
public record AccountReport(String connector, String account, boolean checked, String status, List<String> warnings) {

    public AccountReport {
        warnings = List.copyOf(warnings);
    }

    static AccountReport notChecked(String connector, String account, String reason) {
        return new AccountReport(connector, account, false, "not checked: " + reason, List.of());
    }
}

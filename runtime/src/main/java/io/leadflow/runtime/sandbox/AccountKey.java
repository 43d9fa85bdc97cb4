package io.leadflow.runtime.sandbox;

/** A CRM account as rule files name it: {@code to keycrm(account: "main")}. */
public record AccountKey(String connector, String account) {
    @Override
    public String toString() {
        return connector + "/" + account;
    }
}

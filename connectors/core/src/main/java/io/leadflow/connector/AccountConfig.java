package io.leadflow.connector;

import java.util.Map;

/**
 * One CRM account's settings.
 *
 * @param connector  the connector name ({@code keycrm})
 * @param account    the account name used in rule files
 * @param baseUrl    the API origin (the real one, or an emulator's loopback address)
 * @param secrets    credentials (API keys, tokens); never logged, never part of a rule file
 * @param settings   other options (site code, source id, inventory id, …)
 */
public record AccountConfig(String connector, String account, String baseUrl,
                            Map<String, String> secrets, Map<String, String> settings) {

    public AccountConfig {
        secrets = Map.copyOf(secrets);
        settings = Map.copyOf(settings);
    }

    public String secret(String name) {
        String v = secrets.get(name);
        if (v == null) throw new IllegalArgumentException("account " + connector + "/" + account + " has no secret '" + name + "'");
        return v;
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }

    @Override
    public String toString() {
        return "AccountConfig[" + connector + "/" + account + " " + baseUrl + " secrets=" + secrets.keySet() + " settings=" + settings + "]";
    }
}

package io.leadflow.connector;

import java.util.Map;

/**
 * One CRM account's settings. The runtime builds it from its secrets file and {@code LEADFLOW_CRM_…}
 * environment variables ({@code io.leadflow.runtime.config.Secrets}); emulators build it for tests.
 *
 * @param connector  the connector name ({@code keycrm})
 * @param account    the account name used in rule files
 * @param baseUrl    the API origin (the real one, or an emulator's loopback address)
 * @param secrets    credentials (API keys, tokens); never logged, never part of a rule file
 * @param settings   other options (site code, source id, inventory id, …)
 */
public record AccountConfig(String connector, String account, String baseUrl,
                            Map<String, String> secrets, Map<String, String> settings) {
    /** The name of the one secret every connector reads (API key, token). */
    public static final String API_KEY = "api_key";

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

    /** A whole-number setting, or the fallback; a clear error (naming the setting) when it is not a number. */
    public long longSetting(String name, long fallback) {
        String v = settings.get(name);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("account " + connector + "/" + account
                    + ": setting " + name + " must be a whole number, got '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return "AccountConfig[" + connector + "/" + account + " " + baseUrl + " secrets=" + secrets.keySet() + " settings=" + settings + "]";
    }
}

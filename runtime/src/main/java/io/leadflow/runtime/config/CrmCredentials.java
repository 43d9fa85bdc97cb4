package io.leadflow.runtime.config;

import java.util.Map;

/**
 * Credentials and settings for one CRM account, from the environment or the secrets file.
 *
 * @param baseUrl  the API origin, or null for the connector's default
 * @param secrets  API keys and tokens by name ({@code api_key}); never logged
 * @param settings other options ({@code site}, {@code source_id})
 */
public record CrmCredentials(String connector, String account, String baseUrl,
                             Map<String, String> secrets, Map<String, String> settings) {
    public CrmCredentials {
        secrets = Map.copyOf(secrets);
        settings = Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "CrmCredentials[" + connector + "/" + account + " " + baseUrl + " secrets=" + secrets.keySet() + "]";
    }
}

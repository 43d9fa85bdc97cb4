package io.leadflow.runtime.config;

import io.leadflow.connector.AccountConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every credential the runtime holds, read from a secrets file (Java properties) and from
 * environment variables (which win). Immutable; re-read it to revoke or rotate a token.
 *
 * <pre>
 * admin.token                    = …            LEADFLOW_ADMIN_TOKEN
 * source.&lt;slug&gt;.token          = t1, t2        LEADFLOW_SOURCE_&lt;SLUG&gt;_TOKEN
 * source.&lt;slug&gt;.hmac           = whsec_…       LEADFLOW_SOURCE_&lt;SLUG&gt;_HMAC
 * source.&lt;slug&gt;.rate           = 500           LEADFLOW_SOURCE_&lt;SLUG&gt;_RATE
 * crm.&lt;connector&gt;.&lt;account&gt;.base_url       LEADFLOW_CRM_&lt;CONNECTOR&gt;_&lt;ACCOUNT&gt;_BASE_URL
 * crm.&lt;connector&gt;.&lt;account&gt;.&lt;name&gt;         LEADFLOW_CRM_&lt;CONNECTOR&gt;_&lt;ACCOUNT&gt;_&lt;NAME&gt; (a secret)
 * crm.&lt;connector&gt;.&lt;account&gt;.setting.&lt;name&gt; LEADFLOW_CRM_&lt;CONNECTOR&gt;_&lt;ACCOUNT&gt;_SETTING_&lt;NAME&gt;
 * </pre>
 */
public final class Secrets {
    private final Map<String, String> props;
    private final Map<String, String> env;

    private Secrets(Map<String, String> props, Map<String, String> env) {
        this.props = Map.copyOf(props);
        this.env = Map.copyOf(env);
    }

    public static Secrets empty() {
        return new Secrets(Map.of(), Map.of());
    }

    /** Reads the file (when given) and the LEADFLOW_* environment variables. */
    public static Secrets load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> p = new HashMap<>();
        if (file != null) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            }
            props.stringPropertyNames().forEach(k -> p.put(k.trim(), props.getProperty(k).trim()));
        }
        Map<String, String> e = new HashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("LEADFLOW_")) e.put(k, v);
        });
        return new Secrets(p, e);
    }

    /** A copy with extra properties (sandbox-generated tokens); existing keys are kept. */
    public Secrets with(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(extra);
        p.putAll(props);
        return new Secrets(p, env);
    }

    public List<String> adminTokens() {
        return list(value("admin.token", "LEADFLOW_ADMIN_TOKEN"));
    }

    public SourceSecrets source(String slug) {
        String prefix = "source." + slug + ".";
        String envPrefix = "LEADFLOW_SOURCE_" + Slugs.env(slug) + "_";
        String rate = value(prefix + "rate", envPrefix + "RATE");
        Double r = null;
        if (rate != null && !rate.isBlank()) {
            try {
                r = Double.parseDouble(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("source " + slug + ": rate must be a number of requests per second, not '" + rate + "'");
            }
        }
        return new SourceSecrets(slug, list(value(prefix + "token", envPrefix + "TOKEN")),
                list(value(prefix + "hmac", envPrefix + "HMAC")), r);
    }

    /** The account's credentials, or empty when none are configured (the account then falls back to its emulator). */
    public Optional<AccountConfig> crm(String connector, String account) {
        AccountConfig all = crmEntries(connector, account);
        if (all.secrets().isEmpty() && all.baseUrl() == null) return Optional.empty();
        return Optional.of(all);
    }

    /**
     * The account's {@code setting.*} values alone, whether or not credentials are given: an
     * account that runs against its emulator (sandbox, or no credentials) keeps its settings
     * (KeyCRM {@code mode}, {@code source_id}, …), only the address and credentials are the emulator's.
     */
    public Map<String, String> crmSettings(String connector, String account) {
        return crmEntries(connector, account).settings();
    }

    private AccountConfig crmEntries(String connector, String account) {
        String prefix = "crm." + connector + "." + account + ".";
        String envPrefix = crmEnvPrefix(connector, account);
        Map<String, String> secrets = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        String[] baseUrl = {null};
        props.forEach((k, v) -> {
            if (k.startsWith(prefix)) put(k.substring(prefix.length()), v, secrets, settings, baseUrl);
        });
        env.forEach((k, v) -> {
            if (k.startsWith(envPrefix)) put(k.substring(envPrefix.length()).toLowerCase(Locale.ROOT), v, secrets, settings, baseUrl);
        });
        return new AccountConfig(connector, account, baseUrl[0], secrets, settings);
    }

    /** The start of every environment variable of one CRM account ({@code LEADFLOW_CRM_KEYCRM_MAIN_}). */
    public static String crmEnvPrefix(String connector, String account) {
        return "LEADFLOW_CRM_" + Slugs.env(connector) + "_" + Slugs.env(account) + "_";
    }

    private static void put(String name, String v, Map<String, String> secrets, Map<String, String> settings, String[] baseUrl) {
        if (name.equals("base_url")) baseUrl[0] = v;
        else if (name.startsWith("setting.") || name.startsWith("setting_")) settings.put(name.substring(8), v);
        else secrets.put(name, v);
    }

    /** Every secret value held: what the log masker must never let through. */
    public Set<String> values() {
        Set<String> out = new LinkedHashSet<>();
        props.forEach((k, v) -> {
            if (isSecretKey(k.toLowerCase(Locale.ROOT))) out.addAll(list(v));
        });
        env.forEach((k, v) -> {
            if (isSecretKey(k.toLowerCase(Locale.ROOT).replace('_', '.'))) out.addAll(list(v));
        });
        return out;
    }

    private static boolean isSecretKey(String k) {
        if (k.endsWith(".rate") || k.endsWith("base.url") || k.endsWith("base_url") || k.contains("setting")) return false;
        return k.startsWith("admin.") || k.startsWith("source.") || k.startsWith("crm.")
                || k.startsWith("leadflow.admin") || k.startsWith("leadflow.source") || k.startsWith("leadflow.crm");
    }

    private String value(String prop, String envName) {
        String e = env.get(envName);
        return e != null ? e : props.get(prop);
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

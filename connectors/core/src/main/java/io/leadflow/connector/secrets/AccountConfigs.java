package io.leadflow.connector.secrets;

import io.leadflow.connector.AccountConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CRM accounts and their credentials, from environment variables and/or a JSON secrets file;
 * several accounts per CRM (C7). Never from a rule file. Error messages name variables and
 * keys, never their values.
 *
 * <p>Environment: {@code LEADFLOW_<CONNECTOR>_<ACCOUNT>_API_KEY} (secret {@code api_key}),
 * {@code LEADFLOW_<CONNECTOR>_<ACCOUNT>_BASE_URL}, {@code LEADFLOW_<CONNECTOR>_<ACCOUNT>_SETTING_<NAME>}
 * (setting {@code <name>} lower-cased). The account name is lower-cased; only the connectors
 * passed in are recognised, so {@code LEADFLOW_KEYCRM_SHOP_1_API_KEY} is account {@code shop_1}.
 *
 * <p>File: {@code {"accounts":[{"connector":"keycrm","account":"main","baseUrl":"…",
 * "secrets":{"api_key":"…"},"settings":{"source_id":"3"}}]}}. The environment wins over the file
 * for the same secret or setting.
 */
public final class AccountConfigs {
    /** The name of the one secret every connector reads (API key, token). */
    public static final String API_KEY = "api_key";
    private static final String PREFIX = "LEADFLOW_";

    private final Map<String, AccountConfig> byKey;

    private AccountConfigs(Map<String, AccountConfig> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** Reads the environment (pass {@code System.getenv()}) and, when not null, the secrets file. Blocking file I/O: call at startup or on a worker, not on an event loop. */
    public static AccountConfigs load(Map<String, String> env, Path secretsFile, Set<String> connectors) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        if (secretsFile != null) readFile(secretsFile, builders);
        readEnv(env, connectors, builders);
        Map<String, AccountConfig> out = new LinkedHashMap<>();
        builders.forEach((k, b) -> out.put(k, b.build()));
        return new AccountConfigs(out);
    }

    public Optional<AccountConfig> find(String connector, String account) {
        return Optional.ofNullable(byKey.get(key(connector, account)));
    }

    /** The account, or a clear error naming what to set. */
    public AccountConfig require(String connector, String account) {
        return find(connector, account).orElseThrow(() -> new IllegalArgumentException("no credentials for "
                + connector + " account '" + account + "': set " + envName(connector, account, "API_KEY")
                + " or add it to the secrets file"));
    }

    public Collection<AccountConfig> all() {
        return byKey.values();
    }

    /** A whole-number setting of an account, or the fallback; a clear error (naming the setting) when it is not a number. */
    public static long longSetting(AccountConfig account, String name, long fallback) {
        String v = account.setting(name, null);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("account " + account.connector() + "/" + account.account()
                    + ": setting " + name + " must be a whole number, got '" + v + "'");
        }
    }

    /** The environment variable that holds one value of an account ({@code LEADFLOW_KEYCRM_MAIN_API_KEY}). */
    public static String envName(String connector, String account, String suffix) {
        return PREFIX + connector.toUpperCase(Locale.ROOT) + "_" + account.toUpperCase(Locale.ROOT) + "_" + suffix;
    }

    private static void readEnv(Map<String, String> env, Set<String> connectors, Map<String, Builder> builders) {
        env.forEach((name, value) -> {
            if (!name.startsWith(PREFIX) || value == null) return;
            String rest = name.substring(PREFIX.length());
            for (String connector : connectors) {
                String head = connector.toUpperCase(Locale.ROOT) + "_";
                if (!rest.startsWith(head)) continue;
                String tail = rest.substring(head.length());
                String account;
                if ((account = before(tail, "_API_KEY")) != null) {
                    builder(builders, connector, account).secrets.put(API_KEY, value);
                } else if ((account = before(tail, "_BASE_URL")) != null) {
                    builder(builders, connector, account).baseUrl = value;
                } else {
                    int s = tail.indexOf("_SETTING_");
                    if (s > 0) {
                        builder(builders, connector, tail.substring(0, s).toLowerCase(Locale.ROOT)).settings
                                .put(tail.substring(s + "_SETTING_".length()).toLowerCase(Locale.ROOT), value);
                    }
                }
            }
        });
    }

    private static String before(String tail, String suffix) {
        return tail.endsWith(suffix) && tail.length() > suffix.length()
                ? tail.substring(0, tail.length() - suffix.length()).toLowerCase(Locale.ROOT) : null;
    }

    private static void readFile(Path file, Map<String, Builder> builders) {
        JsonObject root;
        try {
            root = new JsonObject(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read secrets file " + file + ": " + e.getClass().getSimpleName());
        } catch (DecodeException e) {
            throw new IllegalArgumentException("secrets file " + file + " is not a JSON object");
        }
        JsonArray accounts = root.getJsonArray("accounts", new JsonArray());
        for (int i = 0; i < accounts.size(); i++) {
            Object entry = accounts.getValue(i);
            if (!(entry instanceof JsonObject a) || a.getString("connector") == null || a.getString("account") == null) {
                throw new IllegalArgumentException("secrets file " + file + ": accounts[" + i + "] needs \"connector\" and \"account\"");
            }
            Builder b = builder(builders, a.getString("connector"), a.getString("account"));
            if (a.getString("baseUrl") != null) b.baseUrl = a.getString("baseUrl");
            a.getJsonObject("secrets", new JsonObject()).forEach(e -> b.secrets.put(e.getKey(), String.valueOf(e.getValue())));
            a.getJsonObject("settings", new JsonObject()).forEach(e -> b.settings.put(e.getKey(), String.valueOf(e.getValue())));
        }
    }

    private static Builder builder(Map<String, Builder> builders, String connector, String account) {
        String c = connector.toLowerCase(Locale.ROOT);
        String a = account.toLowerCase(Locale.ROOT);
        return builders.computeIfAbsent(key(c, a), k -> new Builder(c, a));
    }

    private static String key(String connector, String account) {
        return connector.toLowerCase(Locale.ROOT) + "/" + account.toLowerCase(Locale.ROOT);
    }

    private static final class Builder {
        final String connector;
        final String account;
        String baseUrl;
        final Map<String, String> secrets = new LinkedHashMap<>();
        final Map<String, String> settings = new LinkedHashMap<>();

        Builder(String connector, String account) {
            this.connector = connector;
            this.account = account;
        }

        AccountConfig build() {
            return new AccountConfig(connector, account, baseUrl, secrets, settings);
        }
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(byKey.keySet());
        return "AccountConfigs" + names;
    }
}

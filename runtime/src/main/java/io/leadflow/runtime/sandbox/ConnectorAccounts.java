package io.leadflow.runtime.sandbox;

import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.ratelimit.RateLimitMemory;
import io.leadflow.connector.ConnectorFactory;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.Emulator;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.config.Secrets;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One {@link CrmConnector} per account named in the rules. Accounts with credentials talk to the
 * real API; the rest (all of them in sandbox mode) talk to an emulator started on loopback the
 * first time a rule names the account: one emulator per account (SPEC C7), so two accounts of the
 * same CRM never see each other's records, as in production.
 */
public final class ConnectorAccounts {
    private static final Logger LOG = Logger.getLogger(ConnectorAccounts.class.getName());

    private final Vertx vertx;
    private final Map<String, ConnectorFactory> factories;
    private final boolean sandbox;
    private final java.util.function.Supplier<Secrets> secrets;
    private final Consumer<String> announce;
    /** Where real accounts keep their recent calls across restarts ({@link RateLimitMemory}), or null. */
    private final java.nio.file.Path rateMemory;
    private final Map<AccountKey, Future<Emulator>> emulators = new ConcurrentHashMap<>();
    private final java.nio.file.Path emulatorRecords;
    private final Map<AccountKey, CrmConnector> connectors = new ConcurrentHashMap<>();
    private final List<CrmConnector> pulls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param announce where to tell the user about each emulator (stdout in {@code serve})
     */
    public ConnectorAccounts(Vertx vertx, Iterable<ConnectorFactory> factories, boolean sandbox,
                             java.util.function.Supplier<Secrets> secrets, Consumer<String> announce) {
        this(vertx, factories, sandbox, secrets, announce, null);
    }

    /**
     * @param rateMemory folder (under the data folder) where each real account keeps the calls of
     *                   its last rate-limit period, so a restart does not start with a full bucket
     */
    public ConnectorAccounts(Vertx vertx, Iterable<ConnectorFactory> factories, boolean sandbox,
                             java.util.function.Supplier<Secrets> secrets, Consumer<String> announce, java.nio.file.Path rateMemory) {
        this(vertx, factories, sandbox, secrets, announce, rateMemory, null);
    }

    /**
     * @param emulatorRecords folder (under the data folder) where each emulator keeps its records
     *                        ({@code <connector>.<account>.json}), so a restart on the same data folder finds
     *                        what the sandbox delivered; null: in memory only
     */
    public ConnectorAccounts(Vertx vertx, Iterable<ConnectorFactory> factories, boolean sandbox,
                             java.util.function.Supplier<Secrets> secrets, Consumer<String> announce, java.nio.file.Path rateMemory,
                             java.nio.file.Path emulatorRecords) {
        this.emulatorRecords = emulatorRecords;
        this.rateMemory = rateMemory;
        this.vertx = vertx;
        Map<String, ConnectorFactory> m = new java.util.LinkedHashMap<>();
        for (ConnectorFactory f : factories) m.put(f.descriptor().name(), f);
        this.factories = Map.copyOf(m);
        this.sandbox = sandbox;
        this.secrets = secrets;
        this.announce = announce;
    }

    public static Iterable<ConnectorFactory> discover() {
        return ServiceLoader.load(ConnectorFactory.class);
    }

    public Set<String> connectorNames() {
        return factories.keySet();
    }

    /** The accounts a program names. */
    public static Set<AccountKey> accountsOf(Program program) {
        Set<AccountKey> out = new LinkedHashSet<>();
        for (Flow f : program.flows()) out.add(new AccountKey(f.connector(), f.account()));
        return out;
    }

    /** Makes sure every account the program names has a connector; completes when all are ready. */
    public Future<Void> prepare(Program program) {
        List<Future<CrmConnector>> all = new ArrayList<>();
        for (AccountKey k : accountsOf(program)) all.add(connector(k));
        return Future.join(all).mapEmpty();
    }

    /** Whether the account talks to the real CRM (credentials given, not sandbox), not to an emulator. */
    public boolean hasCredentials(AccountKey key) {
        return !sandbox && secrets.get().crm(key.connector(), key.account()).isPresent();
    }

    /** The ready connector of an account, if it has been prepared. */
    public Optional<CrmConnector> get(String connector, String account) {
        return Optional.ofNullable(connectors.get(new AccountKey(connector, account)));
    }

    /** The connector of an account, creating it (and starting its emulator) on first use. */
    public Future<CrmConnector> connector(AccountKey key) {
        CrmConnector existing = connectors.get(key);
        if (existing != null) return Future.succeededFuture(existing);
        // peers are asked for lazily, on a call, never while this account is being made
        ConnectorFactory.Peers peers = (connector, account) -> connector(new AccountKey(connector, account));
        // the accounts it writes through are made ready with it (at start-up, before any lead)
        return config(key).compose(cfg -> {
            ConnectorFactory factory = factories.get(key.connector());
            CrmConnector made = connectors.computeIfAbsent(key, k -> factory.create(vertx, cfg, peers));
            List<Future<CrmConnector>> through = new ArrayList<>();
            for (ConnectorFactory.PeerAccount p : factory.peers(cfg)) through.add(connector(new AccountKey(p.connector(), p.account())));
            return Future.all(through).map(v -> made);
        });
    }

    /**
     * The account's configuration: its credentials and settings from the secrets file, or in
     * sandbox (and without credentials) the emulator's account with the account's own settings;
     * starts the emulator on first use. For jobs that talk to an account through more than the
     * connector (the product sync reads KeyCRM's catalog and writes a shop's).
     */
    public Future<AccountConfig> config(AccountKey key) {
        ConnectorFactory factory = factories.get(key.connector());
        if (factory == null) {
            return Future.failedFuture(new IllegalStateException("no connector named '" + key.connector()
                    + "' is on the class path (known: " + factories.keySet() + ")"));
        }
        return config(key, factory);
    }

    /**
     * A connector of its own for a pull source of an account ({@code from retailcrm.orders_history(account: "shop")}):
     * the account's credentials (or its emulator) with the pull's settings ({@code feed}, {@code since})
     * laid over the account's; not shared with the lead path, so its reads never wait behind effects
     * (the account's rate limit is per connector: a pull and the effects of the same key share the
     * documented limit only as far as the system counts them).
     */
    public Future<CrmConnector> pullConnector(AccountKey key, Map<String, String> settings) {
        return makePull(key, settings).onSuccess(pulls::add);
    }

    private Future<CrmConnector> makePull(AccountKey key, Map<String, String> settings) {
        ConnectorFactory factory = factories.get(key.connector());
        if (factory == null) {
            return Future.failedFuture(new IllegalStateException("no connector named '" + key.connector()
                    + "' is on the class path to read its feed (known: " + factories.keySet() + ")"));
        }
        ConnectorFactory.Peers peers = (connector, account) -> connector(new AccountKey(connector, account));
        return config(key, factory).map(cfg -> {
            Map<String, String> own = new java.util.HashMap<>(settings);
            String memory = cfg.setting(RateLimitMemory.SETTING, null);
            if (memory != null) own.put(RateLimitMemory.SETTING, memory + ".pull"); // its own file: one writer per file
            return factory.create(vertx, withSettings(cfg, own), peers);
        });
    }

    /**
     * What the account configuration refuses, before any CRM call: for each account the program
     * writes to, and each pulled source with its settings, the connector's own refusal of its
     * settings (a missing {@code base_url} or {@code site_id}, a {@code rate_limit} that does not
     * read, an unknown {@code feed}), as {@code "<connector>/<account>: <why>"}. Connectors are made
     * and, for the pulls, closed again (the pollers make their own). Empty when everything reads.
     */
    public Future<List<String>> configErrors(Program program, List<Map.Entry<AccountKey, Map<String, String>>> pulls) {
        List<Future<String>> checks = new ArrayList<>();
        for (AccountKey k : accountsOf(program)) checks.add(refusal(k, connector(k).mapEmpty()));
        for (Map.Entry<AccountKey, Map<String, String>> p : pulls) {
            checks.add(refusal(p.getKey(), makePull(p.getKey(), p.getValue())
                    .compose(c -> c.close().recover(e -> Future.succeededFuture()))));
        }
        return Future.join(checks).transform(ar -> {
            List<String> out = new ArrayList<>();
            for (Future<String> f : checks) if (f.result() != null) out.add(f.result());
            return Future.succeededFuture(out);
        });
    }

    /** The configuration error the made connector refused with (an IllegalArgumentException), else null: other failures are not the configuration's. */
    private static Future<String> refusal(AccountKey key, Future<?> made) {
        return made.transform(ar -> Future.succeededFuture(ar.failed() && ar.cause() instanceof IllegalArgumentException e
                ? key + ": " + e.getMessage() : null));
    }

    /** The account's real credentials, or (none given, or sandbox) its emulator's, with the account's own settings. */
    private Future<AccountConfig> config(AccountKey key, ConnectorFactory factory) {
        Optional<AccountConfig> creds = sandbox ? Optional.empty() : secrets.get().crm(key.connector(), key.account());
        Future<AccountConfig> config;
        if (creds.isPresent()) {
            AccountConfig real = creds.get();
            if (rateMemory != null && real.setting(RateLimitMemory.SETTING, null) == null) {
                real = withSettings(real, Map.of(RateLimitMemory.SETTING,
                        rateMemory.resolve(key.connector() + "." + key.account() + ".calls").toString()));
            }
            config = Future.succeededFuture(real);
        } else {
            if (!sandbox) {
                LOG.warning("NO CREDENTIALS for CRM account " + key + ": its effects go to the in-process EMULATOR, not the real "
                        + key.connector() + ". Set " + Secrets.crmEnvPrefix(key.connector(), key.account())
                        + "API_KEY or crm." + key.connector() + "." + key.account() + ".api_key in the secrets file.");
            }
            Map<String, String> own = secrets.get().crmSettings(key.connector(), key.account());
            config = emulator(factory, key).map(e -> withSettings(e.account(key.account()), own));
        }
        return config;
    }

    /** The emulator's account with the account's own settings laid over the emulator's defaults. */
    static AccountConfig withSettings(AccountConfig emulated, Map<String, String> own) {
        if (own.isEmpty()) return emulated;
        Map<String, String> merged = new java.util.HashMap<>(emulated.settings());
        merged.putAll(own);
        return new AccountConfig(emulated.connector(), emulated.account(), emulated.baseUrl(), emulated.secrets(), merged);
    }

    /** The account's own emulator, started on first use, its records restored from and kept in the data folder. */
    private Future<Emulator> emulator(ConnectorFactory factory, AccountKey key) {
        return emulators.computeIfAbsent(key, k -> factory.startEmulator(vertx, 0).compose(e -> {
            announce.accept("emulator " + k.connector() + " account '" + k.account() + "' listening on http://127.0.0.1:" + e.port()
                    + "  (see what arrived: curl http://127.0.0.1:" + e.port() + "/__emulator/state)");
            return keepRecords(k, e).map(v -> (Emulator) e);
        }));
    }

    /**
     * The file an account's emulator keeps its records in: {@code <connector>.<account>.json}
     * (one emulated account per file, as each account is its own emulator). Characters other than
     * letters, digits, '-' and '_' in the account name become '_'.
     */
    static String recordsFileName(AccountKey key) {
        return key.connector() + "." + key.account().replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
    }

    /**
     * Restores the emulator's records from the data folder and keeps them there. One that cannot
     * is said so (memory only); an unreadable file fails the emulator, so its account's leads
     * wait and retry with the reason instead of being delivered into an emulator that lost them.
     */
    private Future<Void> keepRecords(AccountKey key, Emulator e) {
        if (emulatorRecords == null) return Future.succeededFuture();
        java.nio.file.Path file = emulatorRecords.resolve(recordsFileName(key));
        String name = key.connector() + " account '" + key.account() + "'";
        return e.keepRecordsIn(file).recover(err -> {
            if (!(err instanceof UnsupportedOperationException)) {
                return e.stop().transform(x -> Future.failedFuture(err));
            }
            announce.accept("emulator " + name + " keeps its records in memory only (" + err.getMessage() + ")");
            return Future.succeededFuture();
        }).onSuccess(v -> {
            if (java.nio.file.Files.exists(file)) announce.accept("emulator " + name + " records kept in " + file);
        });
    }

    /** Running emulators by account ({@code keepincrm/main}), for health and the banner. */
    public Map<String, Integer> emulatorPorts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        emulators.forEach((k, f) -> {
            if (f.succeeded()) out.put(k.toString(), f.result().port());
        });
        return out;
    }

    public Future<Void> close() {
        List<Future<Void>> all = new ArrayList<>();
        connectors.values().forEach(c -> all.add(c.close()));
        pulls.forEach(c -> all.add(c.close()));
        emulators.values().forEach(f -> {
            if (f.succeeded()) all.add(f.result().stop());
        });
        return Future.join(all).mapEmpty();
    }
}

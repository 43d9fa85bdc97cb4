package io.leadflow.runtime.account;

import io.leadflow.connector.CrmConnector;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.sandbox.AccountKey;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Checks, for every account a program names that {@code checked} selects (in {@code serve}: every
 * account, real or emulated, so a sandbox sees what the real account would refuse), the custom fields its flows map against the account's own
 * field list ({@link CrmConnector#accountSchema()}, {@link AccountSchemaCheck}). Never fails: a
 * connector that cannot tell, or a CRM that does not answer, gives "not checked: reason". The
 * latest reports are kept for {@code GET /v1/flows}; findings are also logged as warnings.
 */
public final class AccountCheck {
    private static final Logger LOG = Logger.getLogger(AccountCheck.class.getName());

    private final Function<AccountKey, Future<CrmConnector>> connectors;
    private final Predicate<AccountKey> checked;
    private final AtomicReference<List<AccountReport>> latest = new AtomicReference<>(List.of());
    private final Map<AccountKey, AccountSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

    public AccountCheck(Function<AccountKey, Future<CrmConnector>> connectors, Predicate<AccountKey> checked) {
        this.connectors = connectors;
        this.checked = checked;
    }

    /** Checks the program's accounts; completes (never fails) with one report per selected account. */
    public Future<List<AccountReport>> run(Program program) {
        List<Future<AccountReport>> all = new ArrayList<>();
        for (Map.Entry<AccountKey, Map<EntityKind, Set<String>>> e : UsedFields.of(program).entrySet()) {
            if (checked.test(e.getKey())) all.add(one(e.getKey(), e.getValue()));
        }
        return Future.join(all).transform(ar -> {
            List<AccountReport> reports = all.stream().map(Future::result).toList();
            latest.set(reports);
            reports.forEach(AccountCheck::log);
            return Future.succeededFuture(reports);
        });
    }

    /**
     * The account's field list as last read (by a completed {@link #run}), for the check of each
     * lead's effects before the first is sent ({@link Preflight}); empty when it was never read.
     */
    public Optional<AccountSchema> schema(String connector, String account) {
        return Optional.ofNullable(schemas.get(new AccountKey(connector, account)));
    }

    /** Every account field list read so far (sandbox: what the emulated accounts serve; an example's accounts.json is these). */
    public List<AccountSchema> schemas() {
        return List.copyOf(schemas.values());
    }

    /** The reports of the last completed run (empty before the first). */
    public List<AccountReport> latest() {
        return latest.get();
    }

    private Future<AccountReport> one(AccountKey key, Map<EntityKind, Set<String>> used) {
        Future<CrmConnector> connector;
        try {
            connector = connectors.apply(key);
        } catch (RuntimeException e) {
            connector = Future.failedFuture(e);
        }
        return connector.compose(CrmConnector::accountSchema).transform(ar -> {
            if (ar.failed()) return Future.succeededFuture(AccountReport.notChecked(key.connector(), key.account(), reason(ar.cause())));
            schemas.put(key, ar.result());
            List<String> warnings = AccountSchemaCheck.check(used, ar.result()).stream().map(AccountFinding::message).toList();
            return Future.succeededFuture(new AccountReport(key.connector(), key.account(), true, "checked", warnings));
        });
    }

    private static String reason(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void log(AccountReport r) {
        String who = r.connector() + "/" + r.account();
        if (!r.checked()) {
            LOG.warning("custom fields of CRM account " + who + " " + r.status());
            return;
        }
        for (String w : r.warnings()) LOG.warning("CRM account " + who + ": " + w);
    }
}

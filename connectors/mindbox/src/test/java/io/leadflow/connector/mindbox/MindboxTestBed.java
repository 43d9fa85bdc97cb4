package io.leadflow.connector.mindbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.connector.AccountConfig;
import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.EffectContext;
import io.leadflow.connector.EffectResult;
import io.leadflow.connector.contract.Await;
import io.leadflow.connector.mindbox.emulator.MindboxEmulator;
import io.leadflow.connector.ratelimit.RateLimits;
import io.leadflow.connector.retailcrm.RetailcrmFactory;
import io.leadflow.connector.retailcrm.emulator.RetailcrmEmulator;
import io.leadflow.spi.effect.Effect;
import io.leadflow.spi.error.ConnectorException;
import io.leadflow.spi.error.InDoubtException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** A Mindbox emulator and connector (account {@code main}) writing back through a RetailCRM emulator's connector. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MindboxTestBed {
    protected Vertx vertx;
    protected MindboxEmulator mindbox;
    protected RetailcrmEmulator retailcrm;
    protected CrmConnector crm;
    protected CrmConnector connector;
    private int keys;

    @BeforeAll
    void start() {
        vertx = Vertx.vertx();
        mindbox = Await.result(new MindboxFactory().startEmulator(vertx, 0));
        retailcrm = Await.result(new RetailcrmFactory().startEmulator(vertx, 0));
        crm = new RetailcrmFactory().create(vertx, fast(retailcrm.account("main")));
        connector = connector(Map.of());
    }

    /** A connector on the emulator with these settings over the emulator's. */
    protected CrmConnector connector(Map<String, String> settings) {
        AccountConfig base = fast(mindbox.account("main"));
        Map<String, String> all = new HashMap<>(base.settings());
        all.put("retailcrm_account", "main");
        all.putAll(settings);
        AccountConfig config = new AccountConfig(base.connector(), base.account(), base.baseUrl(), base.secrets(), all);
        return new MindboxFactory().create(vertx, config, (c, a) -> c.equals("retailcrm") && a.equals("main")
                ? Future.succeededFuture(crm) : Future.failedFuture(new IllegalStateException("no " + c + "/" + a)));
    }

    @AfterAll
    void stop() {
        Await.result(connector.close());
        Await.result(crm.close());
        Await.result(mindbox.stop());
        Await.result(retailcrm.stop());
        Await.result(vertx.close());
    }

    @BeforeEach
    void reset() {
        mindbox.reset();
        retailcrm.reset();
    }

    static AccountConfig fast(AccountConfig a) {
        Map<String, String> s = new HashMap<>(a.settings());
        s.put(RateLimits.SETTING, "1000/1s");
        return new AccountConfig(a.connector(), a.account(), a.baseUrl(), a.secrets(), s);
    }

    protected EffectContext ctx() {
        keys++;
        return new EffectContext("lead-" + keys + "/0", "lead-" + keys, Map.of(), null);
    }

    protected static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    protected JsonObject records() {
        return mindbox.data().snapshot();
    }

    /**
     * Runs an effect as the runtime's executor does: a retryable failure is sent again after a
     * pause; an in-doubt one is reconciled (again while that fails retryably), and sent again only
     * when reconcile says nothing was made. Gives up after {@code within}.
     */
    protected Future<EffectResult> untilDone(CrmConnector c, Effect effect, EffectContext ctx, Duration within) {
        return untilDone(c, effect, ctx, within, false);
    }

    /** {@code inDoubt}: the effect's last send ended in doubt (the runtime reconciles first). */
    protected Future<EffectResult> untilDone(CrmConnector c, Effect effect, EffectContext ctx, Duration within, boolean inDoubt) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Throwable failure;
            if (inDoubt) {
                Object found = outcome(c.reconcile(effect, ctx));
                if (found instanceof Optional<?> o) {
                    if (o.isPresent()) return Future.succeededFuture((EffectResult) o.get());
                    inDoubt = false;
                    continue;
                }
                failure = (Throwable) found;
            } else {
                Object done = outcome(c.apply(effect, ctx));
                if (done instanceof EffectResult r) return Future.succeededFuture(r);
                failure = (Throwable) done;
            }
            if (failure instanceof InDoubtException) inDoubt = true;
            else if (!(failure instanceof ConnectorException ce && ce.retryable())) return Future.failedFuture(failure);
            sleep(200);
        }
        return Future.failedFuture(new AssertionError("not done within " + within));
    }

    /** The value of a future, or its failure. */
    private static Object outcome(Future<?> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer within 30 s", e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

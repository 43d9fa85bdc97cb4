package io.leadflow.connector.emulator;

import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.RateLimit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The skeleton shared by emulators of a REST API mounted under one path prefix
 * ({@code /v1}, {@code /api/v5}) with its records in one {@link EmulatorRecords} object:
 * connector name, test key and account settings fixed at construction, an authentication handler
 * in front of every API route, a CRM-specific "not found" answer behind them, and request
 * counters that group calls by route ({@code PUT /v1/order/{id}}).
 */
public abstract class ApiEmulator<D extends EmulatorRecords> extends EmulatorServer {
    private final ConnectorDescriptor descriptor;
    private final String testKey;
    private final Map<String, String> settings;
    private final String prefix;
    protected final D data;

    /**
     * @param documented the rate limit the API reference states (crm-apis.md), never the descriptor's
     * @param prefix   the API's path prefix, without a trailing slash ({@code /v1})
     * @param settings put into {@link #account(String)} (site code, source id…)
     */
    protected ApiEmulator(Vertx vertx, ConnectorDescriptor descriptor, RateLimit documented, D data, String testKey, String prefix,
                          Map<String, String> settings) {
        super(vertx, documented);
        this.descriptor = descriptor;
        this.data = data;
        this.testKey = testKey;
        this.prefix = prefix;
        this.settings = Map.copyOf(settings);
    }

    /** The emulated account's records and reference data (tests seed and inspect it directly). */
    public D data() {
        return data;
    }

    /** Checks the CRM's credentials on a call: {@code ctx.next()} when valid, else the CRM's own refusal. */
    protected abstract void authenticate(RoutingContext ctx);

    /** Mounts the CRM's routes on {@code api} (already behind authentication); writes answer through {@code writes}. */
    protected abstract void mount(Router api, WriteReply writes);

    /** The CRM's answer to a path it does not know. */
    protected abstract void notFound(RoutingContext ctx);

    @Override
    protected final String connectorName() {
        return descriptor.name();
    }

    @Override
    protected final String validKey() {
        return testKey;
    }

    @Override
    protected final Map<String, String> accountSettings() {
        return settings;
    }

    @Override
    protected final void routes(Router router) {
        Router api = Router.router(vertx);
        api.route().handler(this::authenticate);
        mount(api, this::replyWrite);
        api.route().handler(this::notFound);
        router.route(prefix + "/*").subRouter(api);
    }

    /** Counters group calls by route: numeric path segments read as {@code {id}}. */
    @Override
    protected String operation(RoutingContext ctx) {
        return ctx.request().method().name() + " " + ctx.request().path().replaceAll("/[0-9]+(?=/|$)", "/{id}");
    }

    @Override
    protected final JsonObject records() {
        return data.snapshot();
    }

    @Override
    protected final void clearRecords() {
        data.clear();
    }

    @Override
    protected final JsonObject persistedRecords() {
        return data.persisted();
    }

    @Override
    protected final void restoreRecords(JsonObject snapshot) {
        data.restore(snapshot);
    }
}

package io.leadflow.runtime.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.connector.CrmConnector;
import io.leadflow.connector.keepincrm.KeepinCrmSchema;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.config.Secrets;
import io.leadflow.runtime.sandbox.ConnectorAccounts;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The custom fields a compiled program maps, checked against an emulator account's own field list. */
class AccountCheckTest {
    static final String FLOW = """
            flow "orders" {
              from site.form
              to keepincrm(account: "main")
              phone lead.phone as UA
              find contact by phone
              when contact -> create deal for contact.manager
              otherwise -> skip "new"
              deal {
                title        <- "Order"
                deal_cf_1043 <- lead.utm_source
                deal_cf_1077 <- lead.utm_term
              }
            }
            """;

    final Vertx vertx = Vertx.vertx();
    final ConnectorAccounts accounts = new ConnectorAccounts(vertx, ConnectorAccounts.discover(), true, Secrets::empty, line -> { });

    @AfterEach
    void close() {
        accounts.close().await();
        vertx.close().await();
    }

    static Program program() {
        CompileResult r = Leadflow.compiler(ConnectorCatalog.discover()).compileSources(Map.of("orders.flow", FLOW));
        assertTrue(r.program().isPresent(), r.diagnostics().toString());
        return r.program().get();
    }

    @Test
    void mappedFieldTheAccountLacks_isAWarning_andTheKnownOneIsNot() {
        AccountCheck check = new AccountCheck(accounts::connector, key -> true);
        List<AccountReport> reports = check.run(program()).await();
        assertEquals(1, reports.size());
        AccountReport r = reports.get(0);
        assertEquals("keepincrm", r.connector());
        assertEquals("main", r.account());
        assertTrue(r.checked(), r.status());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("deal_cf_1077: "), r.warnings().get(0));
        assertEquals(reports, check.latest());
    }

    @Test
    void sandboxAccounts_areNotCheckedByDefault() {
        AccountCheck check = new AccountCheck(accounts::connector, accounts::hasCredentials);
        assertEquals(List.of(), check.run(program()).await());
    }

    @Test
    void connectorThatCannotBeReached_isNotChecked_withTheReason_neverAFailure() {
        AccountCheck check = new AccountCheck(key -> Future.failedFuture(new IllegalStateException("CRM is down")), key -> true);
        AccountReport r = check.run(program()).await().get(0);
        assertFalse(r.checked());
        assertEquals("not checked: CRM is down", r.status());
    }

    @Test
    void connectorWithoutAnAccountSchema_isNotChecked_withTheConnectorsWords() {
        CrmConnector plain = (CrmConnector) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CrmConnector.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
                    if (method.getName().equals("descriptor")) return KeepinCrmSchema.DESCRIPTOR;
                    throw new UnsupportedOperationException(method.getName());
                });
        AccountCheck check = new AccountCheck(key -> Future.succeededFuture(plain), key -> true);
        AccountReport r = check.run(program()).await().get(0);
        assertFalse(r.checked());
        assertTrue(r.status().startsWith("not checked: ") && r.status().contains("cannot read the account's own field list"), r.status());
    }
}

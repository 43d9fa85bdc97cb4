package io.leadflow.dsl.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.Confidence;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SenderAuth;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code from} and every {@code lead.…} path against the source catalog; schedule jobs against the job catalog. */
class SourceCheckTest {

    static CompileResult compile(String text) {
        return Leadflow.compiler(TestCatalog.catalog()).compileSources(Map.of("f.flow", text));
    }

    static String flow(String from, String body) {
        return "flow \"f\" {\n  from " + from + "\n  to keepincrm(account: \"main\")\n" + body + "\n}\n";
    }

    static Diagnostic only(CompileResult r, String code) {
        List<Diagnostic> d = r.diagnostics().stream().filter(x -> x.code().name().equals(code)).toList();
        assertEquals(1, d.size(), r.render());
        return d.get(0);
    }

    @Test
    void anArgumentTheRuntimeDoesNotImplement_isAnErrorWithItsPositionAndTheKnownOnes() {
        CompileResult r = compile(flow("horoshop.orders(account: \"shop1\", event_id: \"order_id\")",
                "  contact { name <- lead.delivery_name }"));
        Diagnostic d = only(r, "LF410");
        assertEquals(2, d.span().line());
        assertEquals(42, d.span().column());
        assertTrue(d.message().contains("has no argument 'event_id'") && d.message().contains("it takes: account"), d.message());
        assertTrue(r.render().contains("f.flow:2:42"), r.render());
    }

    @Test
    void argumentsAreNamedConstantsOfTheirType_givenOnce() {
        CompileResult r = compile(flow("horoshop.orders(account: 5)", "  contact { name <- lead.delivery_name }"));
        assertTrue(only(r, "LF410").message().contains("takes text"), r.render());
        r = compile(flow("horoshop.orders(\"shop1\")", "  contact { name <- lead.delivery_name }"));
        assertTrue(only(r, "LF410").message().contains("named arguments"), r.render());
        r = compile(flow("horoshop.orders(acount: \"shop1\")", "  contact { name <- lead.delivery_name }"));
        assertTrue(only(r, "LF410").message().contains("did you mean 'account'?"), r.render());
    }

    @Test
    void unknownSourceAndKind_sayWhatIsKnown() {
        Diagnostic d = only(compile(flow("horoshp.orders", "")), "LF409");
        assertTrue(d.message().contains("did you mean 'horoshop'?"), d.message());
        assertEquals(2, d.span().line());
        assertEquals(3, d.span().column());
        d = only(compile(flow("horoshop.order", "")), "LF409");
        assertTrue(d.message().contains("no kind 'order'; did you mean 'orders'?") && d.message().contains("horoshop.registrations"),
                d.message());
        d = only(compile(flow("horoshop", "")), "LF409");
        assertTrue(d.message().contains("from horoshop.<kind>"), d.message());
    }

    @Test
    void everyUnknownLeadField_isReportedAtOnce_withDidYouMeanAndPosition() {
        CompileResult r = compile(flow("horoshop.orders(account: \"shop1\")", """
                  phone lead.delivery_phon as UA
                  drop when lead.stat_stats == 4 "cancelled"
                  contact { name <- lead.delivery_name  email <- lead.analytics.utm_sourse }
                """));
        List<Diagnostic> d = r.diagnostics().stream().filter(x -> x.code().name().equals("LF411")).toList();
        assertEquals(3, d.size(), r.render());
        assertTrue(d.get(0).message().contains("did you mean 'delivery_phone'?"), d.get(0).message());
        assertEquals(4, d.get(0).span().line());
        assertEquals(9, d.get(0).span().column());
        assertTrue(d.get(1).message().contains("did you mean 'stat_status'?"), d.get(1).message());
        assertTrue(d.get(2).message().contains("'lead.analytics.utm_sourse'") && d.get(2).message().contains("'utm_source'"),
                d.get(2).message());
    }

    @Test
    void aChainReportsOnlyItsFirstUnknownMember_andOpenPartsAreNotChecked() {
        CompileResult r = compile(flow("horoshop.orders", """
                  contact { name <- lead.delivery.city.name  email <- lead.delivery_data.anything.at.all }
                  products from lead.products as item { sku <- item.whatever }
                """));
        Diagnostic d = only(r, "LF411");
        assertTrue(d.message().contains("'lead.delivery'"), d.message());
    }

    /** A source with a list of known items, to see paths followed through lets and list blocks. */
    static final SourceDescriptor SHOP = SourceDescriptor.of("shop", "Shop",
            new SourceKind("orders", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, List.of(ArgSpec.account()),
                    PayloadSchema.closed(PayloadField.of("id", FieldType.INTEGER, Confidence.CONFIRMED),
                            PayloadField.listOf("items", Confidence.CONFIRMED, PayloadField.of("sku", FieldType.STRING, Confidence.CONFIRMED),
                                    PayloadField.of("qty", FieldType.NUMBER, Confidence.PARTLY))),
                    List.of("id"), Duration.ofDays(1), "test"));

    @Test
    void listItemsAndLetsFollowTheSchema() {
        var compiler = Leadflow.compiler(TestCatalog.catalog().withSources(SHOP));
        CompileResult r = compiler.compileSources(Map.of("f.flow", flow("shop.orders", """
                  let lines = lead.items
                  let first = lines[0]
                  deal { title <- "Order {lead.id} {first.skuu}" }
                  products from lines as item { sku <- item.sku  quantity <- item.qtyy }
                """)));
        List<String> found = r.diagnostics().stream().filter(x -> x.code().name().equals("LF411")).map(Diagnostic::message).toList();
        assertEquals(2, found.size(), r.render());
        assertTrue(found.get(0).contains("'first.skuu'") && found.get(0).contains("did you mean 'sku'?"), found.get(0));
        assertTrue(found.get(1).contains("'item.qtyy'") && found.get(1).contains("did you mean 'qty'?"), found.get(1));
    }

    @Test
    void aGenericSiteSourceIsOpen_untilTheFlowDeclaresItsFields() {
        assertTrue(compile(flow("site.checkout", "  contact { name <- lead.anything.at.all }")).ok());
        CompileResult r = compile(flow("site.checkout", "  fields name, phone, items\n  contact { name <- lead.nme  phone <- lead.phone }"));
        Diagnostic d = only(r, "LF411");
        assertTrue(d.message().contains("did you mean 'name'?"), d.message());
        assertEquals(5, d.span().line());
    }

    @Test
    void fieldsAddToAKnownSource_forParametersTheSenderAdds() {
        assertEquals("LF411", only(compile(flow("calltouch.calls", "  contact { name <- lead.manager_note }")), "LF411").code().name());
        assertTrue(compile(flow("calltouch.calls", "  fields manager_note\n  contact { name <- lead.manager_note ?? lead.name }")).ok());
    }

    @Test
    void aPulledKind_takesPollAndSince_andChecksThemAndItsFields() {
        var compiler = Leadflow.compiler(TestCatalog.catalog().withSources(
                io.leadflow.connector.retailcrm.history.RetailcrmSources.DESCRIPTOR));
        CompileResult ok = compiler.compileSources(Map.of("f.flow", flow("retailcrm.orders_history(account: \"main\", poll: \"30s\", since: \"2026-11-01\")",
                "  contact { name <- lead.order.firstName }")));
        assertTrue(ok.ok(), ok.diagnostics().toString());
        io.leadflow.dsl.Flow pulled = ok.program().orElseThrow().flows().get(0);
        assertEquals(java.util.Optional.of(Duration.ofSeconds(30)), pulled.sourceDuration("poll"));
        assertEquals(java.util.Optional.empty(), pulled.sourceDuration("interval"));
        Diagnostic d = only(compiler.compileSources(Map.of("f.flow", flow("retailcrm.orders_history(account: \"main\", pol: \"30s\")",
                "  contact { name <- lead.order.firstName }"))), "LF410");
        assertTrue(d.message().contains("did you mean 'poll'?"), d.message());
        d = only(compiler.compileSources(Map.of("f.flow", flow("retailcrm.orders_history(since: \"01.11.2026\")",
                "  contact { name <- lead.order.firstName }"))), "LF410");
        assertTrue(d.message().contains("a date"), d.message());
        d = only(compiler.compileSources(Map.of("f.flow", flow("retailcrm.orders_history(account: \"main\")",
                "  contact { name <- lead.newValeu }"))), "LF411");
        assertTrue(d.message().contains("did you mean 'newValue'?"), d.message());
    }

    @Test
    void aPushedOnlyKind_hasNoPollArgument() {
        Diagnostic d = only(Leadflow.compiler(TestCatalog.examples()).compileSources(Map.of("f.flow",
                flow("shopexpress.orders(poll: \"1m\")", "  contact { name <- lead.name }"))), "LF410");
        assertTrue(d.message().contains("has no argument 'poll'"), d.message());
    }

    @Test
    void aKindPulledWithPoll_isCheckedAgainstThePulledRecordsFields_notTheWebhooks() {
        // Calltouch: the webhook sends 'callerphone' [U], the calls journal lists 'callerNumber' [P]
        assertTrue(compile(flow("calltouch.calls(account: \"main\")", "  contact { phone <- lead.callerphone }")).ok());
        Diagnostic d = only(compile(flow("calltouch.calls(account: \"main\", poll: \"5m\")", "  contact { phone <- lead.callerphone }")),
                "LF411");
        assertTrue(d.message().contains("has no field 'callerphone'"), d.message());
        CompileResult pulled = compile(flow("calltouch.calls(account: \"main\", poll: \"5m\", since: \"2026-11-01\")",
                "  contact { phone <- lead.callerNumber\n    name <- lead.utmSource ?? \"?\" }"));
        assertTrue(pulled.ok(), pulled.render());
        d = only(compile(flow("calltouch.calls(account: \"main\")", "  contact { phone <- lead.callerNumber }")), "LF411");
        assertTrue(d.message().contains("has no field 'callerNumber'"), d.message());
        // the requests journal names only requestId: open, and a declared field list keeps requestId
        assertTrue(compile(flow("calltouch.requests(poll: \"5m\")", "  contact { name <- lead.anything }")).ok());
        CompileResult closed = compile(flow("calltouch.requests(poll: \"5m\")",
                "  fields fio, phoneNumber\n  drop when lead.requestId == \"\" \"no id\"\n  contact { name <- lead.fio\n    phone <- lead.phoneNumber }"));
        assertTrue(closed.ok(), closed.render());
        only(compile(flow("calltouch.requests(poll: \"5m\")", "  fields fio\n  contact { name <- lead.fi }")), "LF411");
    }

    @Test
    void aScheduleMustCallAJobTheRuntimeImplements() {
        CompileResult r = compile("schedule \"prices\" every 4h { sync_prices(from: \"horoshop\") }\n");
        Diagnostic d = only(r, "LF412");
        assertTrue(d.message().contains("unknown job 'sync_prices'") && d.message().contains("jobs: log"), d.message());
        assertEquals(1, d.span().line());
        d = only(compile("schedule \"x\" every 4h { logg(message: \"hi\") }\n"), "LF412");
        assertTrue(d.message().contains("did you mean 'log'?"), d.message());
        d = only(compile("schedule \"x\" every 4h { log(mesage: \"hi\") }\n"), "LF412");
        assertTrue(d.message().contains("did you mean 'message'?"), d.message());
        assertTrue(compile("schedule \"x\" every 4h { log(message: \"hi\") }\n").ok());
    }

    @Test
    void productSync_argumentsAndTheirWordsAreChecked_withDidYouMean() {
        var compiler = Leadflow.compiler(TestCatalog.examples());
        String ok = "schedule \"c\" every 1d at \"03:00\" { product_sync(from: \"main\", to: \"shop\", scope: \"full\", match: \"barcode\","
                + " new: \"publish\", existing: \"skip\", missing: \"hide\", categories: [10, 11]) }\n";
        assertTrue(compiler.compileSources(Map.of("c.flow", ok)).ok(), compiler.compileSources(Map.of("c.flow", ok)).render());
        CompileResult r = compiler.compileSources(Map.of("c.flow",
                "schedule \"c\" every 4h { product_sync(from: \"main\", to: \"shop\", match: \"skuu\", missing: \"delete\", scope: \"price\") }\n"));
        List<String> found = r.diagnostics().stream().filter(x -> x.code().name().equals("LF412")).map(Diagnostic::message).toList();
        assertEquals(3, found.size(), r.render());
        assertTrue(found.get(0).contains("does not implement 'skuu'; did you mean 'sku'?"), found.get(0));
        assertTrue(found.get(1).contains("does not implement 'delete'") && found.get(1).contains("nothing, hide, unavailable"), found.get(1));
        assertTrue(found.get(2).contains("did you mean 'prices'?"), found.get(2));
        Diagnostic missing = only(compiler.compileSources(Map.of("c.flow", "schedule \"c\" every 4h { product_sync(from: \"main\") }\n")), "LF412");
        assertTrue(missing.message().contains("needs the argument 'to'"), missing.message());
        Diagnostic typo = only(compiler.compileSources(Map.of("c.flow",
                "schedule \"c\" every 4h { product_sync(from: \"main\", to: \"shop\", categorys: [1]) }\n")), "LF412");
        assertTrue(typo.message().contains("did you mean 'categories'?"), typo.message());
    }

    /** Issue 11: Horoshop documents no catalog function, so a product sync into a Horoshop shop does not compile, and says why. */
    @Test
    void productSync_toHoroshop_isACompileError_sayingItDocumentsNoCatalogFunction() {
        var compiler = Leadflow.compiler(TestCatalog.examples());
        CompileResult r = compiler.compileSources(Map.of("c.flow",
                "schedule \"c\" every 1d { product_sync(from: \"main\", to: \"horoshop\", platform: \"horoshop\") }\n"));
        Diagnostic d = only(r, "LF412");
        assertTrue(d.message().contains("argument 'platform' of job 'product_sync' does not implement 'horoshop': Horoshop is not a catalog target")
                && d.message().contains("crm-apis.md section 6") && d.message().contains("(it takes: shopexpress)"), d.message());
        assertEquals(1, d.span().line());
        assertTrue(compiler.compileSources(Map.of("c.flow",
                "schedule \"c\" every 1d { product_sync(from: \"main\", to: \"shop\", platform: \"shopexpress\") }\n")).ok());
        Diagnostic other = only(compiler.compileSources(Map.of("c.flow",
                "schedule \"c\" every 1d { product_sync(from: \"main\", to: \"shop\", platform: \"shopexpres\") }\n")), "LF412");
        assertTrue(other.message().contains("did you mean 'shopexpress'?"), other.message());
    }
}

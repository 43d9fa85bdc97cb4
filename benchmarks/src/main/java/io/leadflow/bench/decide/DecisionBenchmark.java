package io.leadflow.bench.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.phone.PhoneProfile;
import io.leadflow.dsl.phone.PhoneStandardizer;
import io.leadflow.dsl.scenario.CrmState;
import io.leadflow.dsl.scenario.InMemoryCrm;
import io.leadflow.dsl.scenario.Scenario;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.CustomFieldStyle;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One lead per operation through the LeadBox default flow: filters, phone standardisation, the
 * lookup against 10,000 in-memory contacts (half with deals, open or closed), the first matching
 * rule, the manager rotation and the mapping of every effect. Leads cycle through 4,096
 * prepared ones: a third new buyers, a third repeat buyers, the rest mixed with invalid phones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {
    static final String FLOW = """
            flow "orders" {
              from horoshop.orders(account: "shop1")
              to   crm(account: "main")
              phone lead.delivery_phone as UA digits 9
              drop when not phone.valid "no usable phone"
              drop when lead.stat_status == 4 "cancelled in the shop"
              find contact by phone, email
              when contact and deal.open -> task for deal.manager
              when contact               -> create deal for contact.manager
              otherwise                  -> create contact, create deal for sales
              contact { name <- lead.delivery_name ?? "Customer {phone}"  phone <- phone  email <- lower(trim(lead.delivery_email)) }
              deal {
                title <- "Order {lead.order_id} from {lead.delivery_name}"
                total <- lead.total_sum
                deal_cf_1043 <- lead.analytics.utm_source
                deal_cf_1044 <- lead.analytics.utm_medium if empty
              }
              task { title <- "Repeat order {lead.order_id}" }
              products from lead.products as item { sku <- item.article  price <- number(item.price)  quantity <- item.quantity ?? 1 }
            }
            managers sales = rotate [101, 102, 103]
            """;

    static final ConnectorDescriptor CRM = new ConnectorDescriptor("crm", "Benchmark CRM",
            EnumSet.of(Capability.FIND_CONTACT_BY_PHONE, Capability.FIND_CONTACT_BY_EMAIL, Capability.FIND_DEALS,
                    Capability.CREATE_CONTACT, Capability.CREATE_DEAL, Capability.CREATE_TASK, Capability.STATUS_GROUPS),
            Map.of(EntityKind.CONTACT, EntitySchema.of(EntityKind.CONTACT, "contact", CustomFieldStyle.NONE,
                            FieldSpec.of("name", FieldType.STRING), FieldSpec.of("phone", FieldType.PHONE), FieldSpec.of("email", FieldType.EMAIL)),
                    EntityKind.DEAL, EntitySchema.of(EntityKind.DEAL, "deal", CustomFieldStyle.NUMERIC_ID,
                            FieldSpec.of("title", FieldType.STRING), FieldSpec.of("total", FieldType.NUMBER)),
                    EntityKind.TASK, EntitySchema.of(EntityKind.TASK, "task", CustomFieldStyle.NONE, FieldSpec.of("title", FieldType.STRING)),
                    EntityKind.PRODUCT, EntitySchema.of(EntityKind.PRODUCT, "products", CustomFieldStyle.NONE,
                            FieldSpec.of("sku", FieldType.STRING), FieldSpec.of("price", FieldType.NUMBER), FieldSpec.of("quantity", FieldType.NUMBER))),
            new RateLimit(100, Duration.ofSeconds(1), false, "bench"));

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-06T08:00:00Z"), ZoneOffset.UTC);
    private Flow flow;
    private InMemoryCrm crm;
    private JsonNode[] leads;
    private ManagerState managers = ManagerState.EMPTY;
    private int next;

    @Setup
    public void setup() {
        CompileResult r = Leadflow.compiler(ConnectorCatalog.of(CRM)).compileSources(Map.of("orders.flow", FLOW));
        if (!r.ok()) throw new IllegalStateException(r.render());
        flow = r.program().orElseThrow().flow("orders").orElseThrow();
        Random rnd = new Random(42);
        ObjectNode state = json.createObjectNode();
        ArrayNode contacts = state.putArray("contacts");
        ArrayNode deals = state.putArray("deals");
        for (int i = 0; i < 10_000; i++) {
            contacts.addObject().put("id", i).put("phone", phone(i)).put("email", "c" + i + "@example.com").put("manager", 101 + i % 3);
            if (i % 2 == 0) deals.addObject().put("id", 100_000 + i).put("contact", i).put("manager", 102).put("group", i % 4 == 0 ? "open" : "completed");
        }
        crm = new InMemoryCrm(CrmState.fromJson(state, null), new PhoneStandardizer(PhoneProfile.UA));
        leads = new JsonNode[4096];
        for (int i = 0; i < leads.length; i++) {
            int who = rnd.nextInt(3) == 0 ? 20_000 + i : rnd.nextInt(10_000);
            ObjectNode lead = json.createObjectNode().put("order_id", 5000 + i).put("delivery_name", "Buyer " + who)
                    .put("delivery_phone", i % 10 == 9 ? "12-34" : phone(who)).put("delivery_email", " C" + who + "@Example.com ")
                    .put("total_sum", 100 + i).put("stat_status", i % 17 == 0 ? 4 : 1);
            lead.putObject("analytics").put("utm_source", "google").put("utm_medium", "cpc");
            lead.putArray("products").addObject().put("article", "A-" + i).put("price", "19.90").put("quantity", 2);
            leads[i] = lead;
        }
        Decision probe = decide(leads[0]);
        if (probe == null) throw new IllegalStateException("no decision");
    }

    /** National format "067 123 45 67"-like: every contact has a distinct valid UA mobile number. */
    static String phone(int i) {
        return String.format("067 %03d %02d %02d", i / 10_000 % 1000 + i / 100 % 100, i / 100 % 100, i % 100);
    }

    @Benchmark
    public Decision decideOneLead() {
        Decision d = decide(leads[next++ & (leads.length - 1)]);
        managers = d.managers();
        return d;
    }

    private Decision decide(JsonNode lead) {
        return Scenario.run(flow, crm, lead, managers, clock).decision();
    }
}

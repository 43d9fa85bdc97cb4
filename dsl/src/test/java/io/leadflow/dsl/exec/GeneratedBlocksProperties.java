package io.leadflow.dsl.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.TestCatalog;
import io.leadflow.dsl.testing.FlowGenerators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The generated block code (BlockCodegen) against the closure interpreter it replaces: on random
 * leads, for every flow of examples/ and for a flow using every construct the generator handles
 * itself (and some it leaves to closures), both give byte-identical documents and payload bytes,
 * or the same error.
 */
class GeneratedBlocksProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    static final String CONSTRUCTS = """
            template full(first, last) = "{first} {last}"
            template shout(x) = upper("{x}!")
            template nested(a, b) = "[{full(a, b)}|{shout(a)}]"
            let prefix = "LF"
            table pay { "cod" -> "Cash", "card" -> "Card", 1 -> "one", default -> "Other" }
            table computed { "a" -> lead.name, default -> lead.email }
            table noDefault { "x" -> 1, "n" -> null }

            flow "constructs" {
              from site.checkout
              to baselinker
              let utm = lead.utm ?? {}
              let n = number(lead.total)
              order {
                order_status_id   <- 8011
                custom_source_id  <- int(lead.source ?? 7)
                currency          <- upper(lead.currency ?? "pln")
                payment_method    <- pay[lead.payment]
                paid              <- lead.paid == true or lead.total > 100
                email             <- lower(trim(lead.email))
                phone             <- digits(lead.phone)
                user_comments     <- nested(lead.name, lead.city)
                admin_comments    <- "{prefix}: {utm.utm_source}/{utm.utm_medium} {lead.deep.a.b.c} {-lead.total} {not lead.paid}"
                delivery_method   <- computed[lead.kind]
                delivery_price    <- n * 2 + 1
                delivery_fullname <- full(lead.name ?? lead.email ?? "nobody", shout(lead.city))
                delivery_address  <- lead.tags[0] ?? lead.tags
                delivery_postcode <- "{lead.kind in ['a', 'b']} {lead.kind not in ['a']} {lead.total >= 10} {lead.total < 10} {lead.total != 3}"
                delivery_city     <- substring(lead.city, 1, 3)
                delivery_country_code <- noDefault[lead.kind]
                invoice_company   <- "{lead.paid and lead.name}"
                invoice_nip       <- "{n - 1}/{n / 3}/{n % 4}/{lead.total + lead.source}"
                invoice_address   <- "{[lead.city, 1, lead.name]}"
                invoice_city      <- utm["utm_source"]
                extra_field_1     <- format_date(lead.created_at, "dd.MM.yyyy HH:mm", "Europe/Warsaw")
                extra_field_2     <- timestamp(lead.created_at)
              }
              products from lead.items as item {
                sku          <- item.sku
                name         <- "{item.title} ({lead.name})"
                price_brutto <- number(item.price) ?? 0
                quantity     <- int(item.qty ?? 1)
                tax_rate     <- 23
              }
            }
            """;

    /** Leads for the constructs flow: every field sometimes missing, null, text, a number, a list or an object. */
    static JsonNode constructsLead(SplittableRandom r) {
        var l = JSON.createObjectNode();
        for (String f : List.of("name", "email", "city", "currency", "payment", "kind", "phone", "total", "source", "paid", "created_at")) {
            switch (r.nextInt(8)) {
                case 0 -> { }
                case 1 -> l.putNull(f);
                case 2 -> l.put(f, r.nextBoolean() ? r.nextInt(0, 12) : r.nextInt(-5, 300));
                case 3 -> l.put(f, r.nextDouble() * 200);
                case 4 -> l.put(f, r.nextBoolean());
                case 5 -> l.put(f, List.of("cod", "card", "a", "b", "x", "n", " Mixed Case ", "", "1", "2025-03-01T09:41:00Z",
                        "+48 601 234 567", "39,90").get(r.nextInt(12)));
                case 6 -> l.putArray(f).add("a").add(1);
                default -> l.putObject(f).put("a", "b");
            }
        }
        if (r.nextBoolean()) l.putObject("utm").put("utm_source", "google").put("utm_medium", r.nextBoolean() ? "cpc" : null);
        if (r.nextBoolean()) l.putObject("deep").putObject("a").putObject("b").put("c", r.nextInt(100));
        if (r.nextBoolean()) l.putArray("tags").add("t" + r.nextInt(9)).add(r.nextInt(9));
        if (r.nextBoolean()) {
            var items = l.putArray("items");
            for (int i = r.nextInt(4); i > 0; i--) {
                var item = items.addObject().put("sku", "S" + i).put("title", "T" + i);
                if (r.nextBoolean()) item.put("price", r.nextBoolean() ? "1 200,50" : "x");
                if (r.nextBoolean()) item.put("qty", r.nextInt(1, 5) + 0.5);
            }
        } else if (r.nextInt(4) == 0) {
            l.put("items", "not a list");
        }
        return l;
    }

    @Property(tries = 300)
    void constructs_generatedEqualsClosures(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) throws Exception {
        FlowProgram flow = compile(Map.of("constructs.flow", CONSTRUCTS)).get(0);
        assertSame(flow, constructsLead(new SplittableRandom(seed)));
    }

    @Property(tries = 60)
    void examples_generatedEqualsClosures(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        CompileResult compiled = examples();
        for (Flow f : compiled.program().orElseThrow().flows()) {
            FlowGenerators g = FlowGenerators.of(compiled, f.name(), TestCatalog.examples());
            for (int i = 0; i < 5; i++) assertSame((FlowProgram) f, g.lead(r));
        }
    }

    private static CompileResult examplesCache;

    static synchronized CompileResult examples() throws Exception {
        if (examplesCache == null) {
            List<Path> dirs = new ArrayList<>();
            try (Stream<Path> s = Files.list(Path.of("../examples"))) {
                s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().contains("-")).sorted().forEach(dirs::add);
            }
            examplesCache = Leadflow.compiler(TestCatalog.examples()).compile(dirs);
            assertTrue(examplesCache.ok(), examplesCache::render);
        }
        return examplesCache;
    }

    static List<FlowProgram> compile(Map<String, String> sources) {
        CompileResult r = Leadflow.compiler(TestCatalog.catalog()).compileSources(sources);
        assertTrue(r.ok(), r::render);
        return r.program().orElseThrow().flows().stream().map(FlowProgram.class::cast).toList();
    }

    static void assertSame(FlowProgram flow, JsonNode lead) throws Exception {
        String generated;
        String reference;
        try {
            generated = JSON.writeValueAsString(flow.map(lead, CLOCK));
        } catch (RuntimeException e) {
            generated = "error: " + e.getMessage();
        }
        try {
            reference = JSON.writeValueAsString(flow.referenceMap(lead, CLOCK));
        } catch (RuntimeException e) {
            reference = "error: " + e.getMessage();
        }
        assertEquals(reference, generated, () -> flow.name() + " on " + lead);
        // lead bytes → document bytes, reading only what the mapping reads: the same bytes as the tree, serialised
        byte[] leadBytes = JSON.writeValueAsBytes(withUnread(lead));
        String streamedDoc;
        try {
            streamedDoc = new String(flow.mapBytes(leadBytes, CLOCK), java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            streamedDoc = "error: " + e.getMessage();
        }
        String treeDoc;
        try {
            treeDoc = new String(JSON.writeValueAsBytes(flow.map(JSON.readTree(leadBytes), CLOCK)), java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            treeDoc = "error: " + e.getMessage();
        }
        if (!treeDoc.startsWith("error: ") || !streamedDoc.startsWith("error: ")) {
            assertEquals(treeDoc, streamedDoc, () -> flow.name() + " lead bytes → document bytes on " + new String(leadBytes));
        }
        if (generated.startsWith("error: ")) return;
        JsonNode doc = flow.map(lead, CLOCK);
        for (var it = doc.fields(); it.hasNext(); ) {
            var e = it.next();
            String streamed = flow.payloadBytes(lead, CLOCK, e.getKey()).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                    .orElse("none");
            String written = new String(JSON.writeValueAsBytes(e.getValue()), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(written, streamed, () -> flow.name() + " " + e.getKey() + " bytes on " + lead);
        }
    }

    /** The lead with members no flow reads, at the top and inside its objects and lists, so the reader must skip them. */
    static JsonNode withUnread(JsonNode lead) {
        JsonNode copy = lead.deepCopy();
        addUnread(copy, 0);
        return copy;
    }

    private static void addUnread(JsonNode n, int depth) {
        if (depth > 3) return;
        if (n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<JsonNode> children = new ArrayList<>();
            o.elements().forEachRemaining(children::add);
            o.putObject("zz_unread").put("a", 1).putArray("b").addObject().put("c", "d").putArray("e").add(1.5).addNull();
            o.putArray("zz_list").add("x").addObject().putObject("y");
            o.put("zz_text", "skip me");
            children.forEach(c -> addUnread(c, depth + 1));
        } else if (n instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            a.forEach(c -> addUnread(c, depth + 1));
        }
    }

    @org.junit.jupiter.api.Test
    void onlyWhatTheMappingReadsIsRead() throws Exception {
        FlowProgram flow = compile(Map.of("constructs.flow", CONSTRUCTS)).get(0);
        LeadReads.Node root = flowReads(flow);
        assertTrue(!root.whole && root.members.containsKey("name") && root.members.get("utm").whole, "lead.utm is used as a value");
        assertTrue(!root.members.containsKey("zz_unread"));
        LeadReads.Node items = root.members.get("items").items;
        assertEquals(java.util.Set.of("sku", "title", "price", "qty"), items.members.keySet());
        assertTrue(root.members.get("deep").members.get("a").members.get("b").members.get("c").whole);
    }

    @org.junit.jupiter.api.Test
    void theLeadUsedAsAValueIsReadWhole() throws Exception {
        FlowProgram flow = compile(Map.of("w.flow", """
                flow "w" {
                  from site.checkout
                  to baselinker
                  order { email <- lead["email"] }
                }
                """)).get(0);
        assertTrue(flowReads(flow).whole);
        assertEquals("{\"deal\":{\"email\":\"a@b.c\"}}", new String(flow.mapBytes("{\"x\":[1],\"email\":\"a@b.c\"}".getBytes(), CLOCK)));
    }

    private static LeadReads.Node flowReads(FlowProgram flow) throws Exception {
        var f = FlowProgram.class.getDeclaredField("reads");
        f.setAccessible(true);
        return ((LeadReads) f.get(flow)).lead;
    }

    @org.junit.jupiter.api.Test
    void blocksAreGenerated() throws Exception {
        long before = BlockCodegen.generated();
        List<FlowProgram> flows = compile(Map.of("constructs.flow", CONSTRUCTS));
        assertEquals(2, BlockCodegen.generated() - before, "the order block and the products block");
        for (CompiledBlock b : flows.get(0).blocks()) assertTrue(b.code() != null, b.entity() + " runs closures");
        for (Flow f : examples().program().orElseThrow().flows()) {
            for (CompiledBlock b : ((FlowProgram) f).blocks()) assertTrue(b.code() != null, f.name() + " " + b.entity() + " runs closures");
        }
    }
}

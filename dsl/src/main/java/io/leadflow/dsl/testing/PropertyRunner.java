package io.leadflow.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.scenario.CrmState;
import io.leadflow.dsl.scenario.Scenario;
import io.leadflow.dsl.ast.ExpectStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.ObjectExpr;
import io.leadflow.dsl.ast.PhoneStmt;
import io.leadflow.dsl.ast.TestCrmStatesStmt;
import io.leadflow.dsl.ast.TestDecl;
import io.leadflow.dsl.ast.TestFlowStmt;
import io.leadflow.dsl.ast.TestLeadStmt;
import io.leadflow.dsl.ast.TestStmt;
import io.leadflow.dsl.ast.TestTriesStmt;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SourceKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Checks the {@link BuiltinProperties} of one flow over generated leads ({@link LeadGenerator},
 * from the source's payload schema and the paths the flow reads) and generated CRM states
 * ({@link CrmStates}). A failure is shrunk (fields left out, texts shortened, numbers and lists made
 * small, the CRM state made simpler) while the same property still fails, then printed as a
 * {@code test} block that can be pasted beside the rules.
 */
final class PropertyRunner {
    private static final int SHRINK_BUDGET = 2_000;
    private static final Clock CLOCK = RuleTest.DEFAULT_CLOCK;

    private final Flow flow;
    private final FlowDecl decl;
    private final LeadGenerator generator;
    private final BuiltinProperties properties;
    private final PayloadSchema payload;
    private final String region;

    PropertyRunner(Flow flow, FlowDecl decl, ConnectorCatalog catalog) {
        this.flow = flow;
        this.decl = decl;
        String[] src = flow.source().split("\\.", 2);
        PayloadSchema payload = catalog.source(src[0]).flatMap(s -> src.length > 1 ? s.kind(src[1]) : Optional.empty())
                .map(SourceKind::payload).orElse(PayloadSchema.anyFields());
        ConnectorDescriptor target = catalog.find(flow.connector()).orElse(null);
        String region = decl.all(PhoneStmt.class).stream().findFirst().flatMap(PhoneStmt::region).orElse("UA");
        this.generator = new LeadGenerator(payload, ReadPaths.of(decl), new LeadGenerator.Narrowing(5, region, src[0].equals("site")));
        this.properties = new BuiltinProperties(decl, payload, target);
        this.payload = payload;
        this.region = region;
    }

    /** The built-in properties over {@code tries} generated leads; every decision's trace goes into {@code reached}. */
    PropertyOutcome run(int tries, long seed, Coverage reached) {
        Search s = new Search(null, List.of(), allStates(), null);
        s.reached = reached;
        return s.run("built-in properties of \"" + flow.name() + "\"", decl.span().at(), "built-in property", tries, seed);
    }

    /**
     * A user's {@code property} block: its lead narrowing, CRM states and expectations over
     * {@code tries} generated leads (its own {@code tries}, else the run's).
     *
     * @throws IllegalArgumentException naming the position of a statement that a property cannot hold
     */
    PropertyOutcome runUser(TestDecl t, int defaultTries, long seed) {
        ObjectExpr leadExpr = null;
        List<Integer> states = allStates();
        int tries = defaultTries;
        List<ExpectStmt> expects = new ArrayList<>();
        for (TestStmt st : t.body()) {
            if (st instanceof TestLeadStmt l) leadExpr = l.value();
            else if (st instanceof TestCrmStatesStmt c) states = CrmStates.named(c.states(), c.span());
            else if (st instanceof TestTriesStmt tr) tries = tr.tries();
            else if (st instanceof ExpectStmt x) expects.add(x);
            else if (!(st instanceof TestFlowStmt)) {
                throw new IllegalArgumentException(st.span().at() + ": a property generates its leads and CRM states;"
                        + " it holds flow, lead { … } (constants and generators), crm <states>, tries N and expect");
            }
        }
        if (expects.isEmpty()) throw new IllegalArgumentException(t.span().at() + ": property \"" + t.name() + "\" expects nothing");
        if (tries < 1 || tries > 100_000) throw new IllegalArgumentException(t.span().at() + ": tries must be 1 to 100000");
        Narrowed narrowed = new Narrowed(leadExpr, generator, Scenario.standardizer(decl), region);
        Search s = new Search(narrowed, narrowed.paths(), states, d -> {
            if (d == null) return Optional.empty();
            for (ExpectStmt x : expects) {
                Optional<String> f = Expectations.check(x, d, true);
                if (f.isPresent()) return Optional.of(new BuiltinProperties.Failure(t.name(), x.span().at(), f.get() + "   (" + x.span().at() + ")"));
            }
            return Optional.empty();
        });
        return s.run("property \"" + t.name() + "\"", t.span().at(), "property", tries, seed);
    }

    private static List<Integer> allStates() {
        return java.util.stream.IntStream.range(0, CrmStates.COUNT).boxed().toList();
    }

    /**
     * One search for a counterexample: leads from the generator (then the narrowing), CRM states
     * among {@code states}, judged by the built-in properties
     * when {@code expected} is null, else those expectations), shrunk without touching the {@code frozen} paths.
     */
    private final class Search {
        private final Narrowed narrowed;
        private final List<List<String>> frozen;
        private final List<Integer> states;
        private final java.util.function.Function<Decision, Optional<BuiltinProperties.Failure>> expected;
        /** Where the run's decisions are counted (which rules and filters generated leads reach), or null. */
        Coverage reached;

        Search(Narrowed narrowed, List<List<String>> frozen, List<Integer> states,
               java.util.function.Function<Decision, Optional<BuiltinProperties.Failure>> expected) {
            this.narrowed = narrowed;
            this.frozen = frozen;
            this.states = states;
            this.expected = expected;
        }

        PropertyOutcome run(String title, String at, String what, int tries, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < tries; i++) {
                ObjectNode lead = generator.next(r);
                if (narrowed != null) narrowed.apply(lead, r);
                int crm = states.get(r.nextInt(states.size()));
                Checked c = check(lead, crm);
                if (reached != null && c.decision != null) reached.record(c.decision.trace());
                Optional<BuiltinProperties.Failure> f = c.failure;
                if (f.isPresent()) {
                    Shrunk s = shrink(lead, crm, f.get());
                    return new PropertyOutcome(title, flow.name(), at, i + 1, seed, Optional.of(s.failure.property()), s.failure.detail(),
                            example(s, seed, what));
                }
            }
            return new PropertyOutcome(title, flow.name(), at, tries, seed, Optional.empty(), "", "");
        }

        Checked check(ObjectNode lead, int crmVariant) {
            Checked c = PropertyRunner.this.check(lead, crmVariant);
            // Built-in run: the built-in properties; a user's: its expectations (an evaluation error breaks it too).
            if (expected == null || c.decision == null) return c;
            return new Checked(expected.apply(c.decision), c.crm, c.decision);
        }

        /** Greedy: take the first simpler candidate that fails the same way, until none does or the budget is spent. */
        Shrunk shrink(ObjectNode lead, int crm, BuiltinProperties.Failure first) {
            ObjectNode best = lead;
            int bestCrm = crm;
            BuiltinProperties.Failure failure = first;
            int budget = SHRINK_BUDGET;
            boolean progress = true;
            while (progress && budget > 0) {
                progress = false;
                for (int c : states) {
                    if (c >= bestCrm) break;
                    if (budget-- <= 0) break;
                    Optional<BuiltinProperties.Failure> f = check(best, c).failure;
                    if (f.isPresent() && same(f.get(), first)) {
                        bestCrm = c;
                        failure = f.get();
                        progress = true;
                        break;
                    }
                }
                if (progress) continue;
                for (ObjectNode candidate : candidates(best, payload, frozen)) {
                    if (budget-- <= 0) break;
                    Optional<BuiltinProperties.Failure> f = check(candidate, bestCrm).failure;
                    if (f.isPresent() && same(f.get(), first)) {
                        best = candidate;
                        failure = f.get();
                        progress = true;
                        break;
                    }
                }
            }
            return new Shrunk(best, bestCrm, failure, check(best, bestCrm));
        }
    }

    /** One lead against one CRM state: the broken built-in property (if any), the CRM state's JSON, the decision (null when evaluation failed). */
    record Checked(Optional<BuiltinProperties.Failure> failure, ObjectNode crm, Decision decision) { }

    /** A generated lead (for the test kit). */
    ObjectNode lead(SplittableRandom r) {
        return generator.next(r);
    }

    private record Shrunk(ObjectNode lead, int crm, BuiltinProperties.Failure failure, Checked checked) { }

    Checked check(ObjectNode lead, int crmVariant) {
        ObjectNode crmJson = JsonNodeFactory.instance.objectNode();
        try {
            Evaluation ev = flow.evaluate(lead, CLOCK);
            crmJson = CrmStates.of(crmVariant, ev.lookup().orElse(null), flow.marker());
            CrmState crm = CrmState.fromJson(crmJson, flow.marker());
            Decision d = Scenario.run(flow, decl, lead, crm, ManagerState.EMPTY, CLOCK).decision();
            return new Checked(properties.check(lead, d), crmJson, d);
        } catch (RuntimeException e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Checked(Optional.of(new BuiltinProperties.Failure("the rules evaluate without an error", e.getClass().getName(),
                    "evaluation failed: " + what)), crmJson, null);
        }
    }

    private static boolean same(BuiltinProperties.Failure a, BuiltinProperties.Failure b) {
        return a.property().equals(b.property()) && a.key().equals(b.key());
    }

    /**
     * Every lead one step simpler than {@code lead}: a member left out (not one the source always
     * sends), a text halved or made "a", a number made 1, a list shortened.
     */
    static List<ObjectNode> candidates(ObjectNode lead, PayloadSchema payload, List<List<String>> frozen) {
        List<ObjectNode> out = new ArrayList<>();
        collect(lead, lead, new ArrayList<>(), payload, null, frozen, out);
        return out;
    }

    /** True when the path (its member names; list positions do not count) lies at or under a narrowed path. */
    private static boolean frozen(List<Object> path, List<List<String>> frozen) {
        List<String> names = path.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        for (List<String> f : frozen) if (names.size() >= f.size() && names.subList(0, f.size()).equals(f)) return true;
        return false;
    }

    /** @param type the schema's type of this node, or null when the schema does not say */
    private static void collect(ObjectNode root, JsonNode node, List<Object> path, PayloadSchema schema, io.leadflow.spi.FieldType type,
                                List<List<String>> frozen, List<ObjectNode> out) {
        if (frozen(path, frozen)) return;
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (schema != null && BuiltinProperties.alwaysSent(schema, List.of(k)) || frozen(append(path, k), frozen)) continue;
                out.add(edit(root, append(path, k), null, true));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                var field = schema == null ? Optional.<io.leadflow.spi.source.PayloadField>empty() : schema.field(e.getKey());
                collect(root, e.getValue(), append(path, e.getKey()), field.map(f -> f.nested()).orElse(null),
                        field.map(f -> f.type()).orElse(null), frozen, out);
            }
        } else if (node.isArray()) {
            for (int i = node.size() - 1; i >= 0; i--) out.add(edit(root, append(path, i), null, true));
            for (int i = 0; i < node.size(); i++) collect(root, node.get(i), append(path, i), schema, null, frozen, out);
        } else if (node.isTextual() && !node.asText().isEmpty() && !keepsItsForm(type)) {
            String s = node.asText();
            if (s.length() > 1) {
                // Half, three quarters, one less: a text over a length limit shrinks to just over it.
                for (int len : new int[] {s.length() / 2, s.length() * 3 / 4, s.length() - 1}) {
                    if (len > 0 && len < s.length()) out.add(edit(root, path, JsonNodeFactory.instance.textNode(s.substring(0, len)), false));
                }
            }
            // Numeric text stays numeric, so a shrunk lead keeps the shape the source sends.
            String least = s.strip().matches("-?\\d+([.,]\\d+)?") ? "1" : "a";
            if (!s.equals(least)) out.add(edit(root, path, JsonNodeFactory.instance.textNode(least), false));
        } else if (node.isNumber() && node.asDouble() != 0 && node.asDouble() != 1) {
            out.add(edit(root, path, JsonNodeFactory.instance.numberNode(1), false));
        }
    }

    /** Emails, phones and dates keep their value: shrunk to "a" they would be another kind of input. */
    private static boolean keepsItsForm(io.leadflow.spi.FieldType t) {
        return t == io.leadflow.spi.FieldType.EMAIL || t == io.leadflow.spi.FieldType.PHONE || t == io.leadflow.spi.FieldType.DATE
                || t == io.leadflow.spi.FieldType.DATETIME;
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return p;
    }

    /** A copy of {@code root} with the node at {@code path} removed or replaced. */
    private static ObjectNode edit(ObjectNode root, List<Object> path, JsonNode value, boolean remove) {
        ObjectNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            if (remove) o.remove((String) last);
            else o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            if (remove) a.remove((Integer) last);
            else a.set((Integer) last, value);
        }
        return copy;
    }

    /** The counterexample as a test block: the flow, the lead, the CRM records, and the effects that came out. */
    private String example(Shrunk s, long seed, String what) {
        StringBuilder b = new StringBuilder();
        b.append("test ").append(Literals.quote(what + " '" + s.failure.property() + "' (seed " + seed + ")")).append(" {\n");
        b.append("  flow ").append(Literals.quote(flow.name())).append('\n');
        b.append("  lead ").append(Literals.of(s.lead)).append('\n');
        for (JsonNode c : s.checked.crm().path("contacts")) b.append("  crm contact ").append(record(c)).append('\n');
        for (JsonNode d : s.checked.crm().path("deals")) b.append("  crm deal ").append(record(d)).append('\n');
        Decision d = s.checked.decision();
        if (d == null) {
            b.append("  # the rules failed: ").append(s.failure.detail()).append("; write what should come out:\n  expect drop\n");
        } else if (d.dropReason().isPresent()) {
            b.append("  expect drop ").append(Literals.quote(d.dropReason().get())).append('\n');
        } else if (d.effects().isEmpty()) {
            b.append("  # no effect came out; write what should:\n  expect skip\n");
        }
        if (d != null) {
            for (var e : d.effects()) {
                if (e instanceof io.leadflow.spi.effect.Skip sk) {
                    b.append("  expect skip ").append(Literals.quote(sk.reason() == null ? "" : sk.reason())).append('\n');
                } else {
                    b.append("  expect ").append(e.describe()).append(' ').append(Literals.of(e.fields())).append('\n');
                }
            }
        }
        return b.append("}\n").toString();
    }

    private static String record(JsonNode r) {
        ObjectNode rest = ((ObjectNode) r).deepCopy();
        String id = rest.remove("id").asText();
        return (id.matches("\\d+") ? id : Literals.quote(id)) + " " + Literals.of(rest);
    }
}

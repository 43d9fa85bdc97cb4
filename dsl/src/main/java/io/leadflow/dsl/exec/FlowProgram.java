package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Decision;
import io.leadflow.dsl.Evaluation;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.ManagerState;
import io.leadflow.dsl.Trace;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.RuleException;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.graph.RuleGraph;
import io.leadflow.spi.record.Found;
import io.leadflow.spi.record.LookupRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import io.leadflow.dsl.graph.GraphPrinter;
import io.leadflow.spi.EntityKind;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/** One compiled flow: fixed arrays of compiled steps, no mutable state; one instance serves every lead. */
public final class FlowProgram implements Flow {
    private final FlowInfo info;
    private final PerLeadStep[] prepare;
    private final CompiledFilter[] filters;
    private final CompiledBlock[] blocks;
    private final int slotCount;
    private final boolean hasFind;
    private final DecisionPlan decisions;
    private final ContactKey contactKey;
    private final RuleGraph graph;
    private final Map<String, PayloadWriter> writers;
    private final LeadReads reads;
    /** The document map() builds, as writers: entity names in map()'s order, each with its payload writer. */
    private final com.fasterxml.jackson.core.io.SerializedString[] documentNames;
    private final PayloadWriter[] documentWriters;

    public FlowProgram(FlowInfo info, List<PerLeadStep> prepare, List<CompiledFilter> filters, List<CompiledBlock> blocks,
                       int slotCount, boolean hasFind, DecisionPlan decisions, ContactKey contactKey, RuleGraph graph, LeadReads reads) {
        this.reads = reads;
        this.info = info;
        this.prepare = prepare.toArray(PerLeadStep[]::new);
        this.filters = filters.toArray(CompiledFilter[]::new);
        this.blocks = blocks.toArray(CompiledBlock[]::new);
        this.slotCount = slotCount;
        this.hasFind = hasFind;
        this.decisions = decisions;
        this.contactKey = contactKey;
        this.graph = graph;
        CompiledBlock items = null;
        Map<String, CompiledBlock> byEntity = new java.util.HashMap<>();
        for (CompiledBlock b : this.blocks) {
            if (b.perItem()) items = b; else byEntity.put(b.entity(), b);
        }
        Map<String, PayloadWriter> w = new java.util.HashMap<>();
        for (var e : byEntity.entrySet()) w.put(e.getKey(), new PayloadWriter(e.getValue(), e.getKey().equals("deal") ? items : null));
        if (items != null && !byEntity.containsKey("deal")) w.put("deal", new PayloadWriter(null, items));
        this.writers = Map.copyOf(w);
        List<String> names = new ArrayList<>();
        List<PayloadWriter> doc = new ArrayList<>();
        for (CompiledBlock b : this.blocks) {
            if (b.perItem()) continue;
            names.add(b.entity());
            doc.add(w.get(b.entity()));
        }
        if (items != null && !byEntity.containsKey("deal")) {
            names.add("deal");
            doc.add(w.get("deal"));
        }
        this.documentNames = names.stream().map(com.fasterxml.jackson.core.io.SerializedString::new)
                .toArray(com.fasterxml.jackson.core.io.SerializedString[]::new);
        this.documentWriters = doc.toArray(PayloadWriter[]::new);
    }

    /**
     * Lead bytes to the mapped document's bytes, {@code {"contact":{…},"deal":{…,"products":[…]}}} as
     * {@link #map} gives it serialised: only the lead paths the mapping reads are read from the
     * input ({@link LeadReader}), and the document is written straight from the blocks, no tree.
     */
    public byte[] mapBytes(byte[] lead, Clock clock) throws java.io.IOException {
        JsonNode tree = LeadReader.read(lead, reads.lead);
        try {
            return PayloadWriter.document(prepare(tree, clock), documentNames, documentWriters);
        } catch (RuleException e) {
            throw e.in(info.name(), tree);
        }
    }

    @Override public String name() { return info.name(); }
    @Override public String source() { return info.source(); }
    @Override public Map<String, Object> sourceArgs() { return info.sourceArgs(); }
    @Override public String connector() { return info.connector(); }
    @Override public String account() { return info.account(); }
    @Override public Duration delay() { return info.delay(); }
    @Override public String marker() { return info.marker(); }

    @Override
    public Optional<String> eventId(JsonNode lead, Clock clock) {
        return info.eventKey() == null ? Optional.empty() : info.eventKey().of(lead, clock);
    }

    @Override
    public Duration dedupeWindow() {
        return info.eventKey() == null ? Duration.ZERO : info.eventKey().window();
    }

    @Override
    public Optional<String> graph(String format) {
        return Optional.of(GraphPrinter.print(graph, GraphPrinter.Format.parse(format)));
    }

    @Override
    public Map<EntityKind, Set<String>> writes() {
        Map<EntityKind, Set<String>> out = new EnumMap<>(EntityKind.class);
        for (CompiledBlock block : blocks) {
            EntityKind entity = EntityKind.fromBlockName(block.entity()).orElse(null);
            if (entity == null) continue;
            for (CompiledField field : block.fields()) out.computeIfAbsent(entity, k -> new LinkedHashSet<>()).add(field.name());
        }
        out.replaceAll((k, v) -> java.util.Collections.unmodifiableSet(v));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The lead's contact key, and the phone and email a lookup uses. */
    public ContactKey contactKey() {
        return contactKey;
    }

    public List<CompiledBlock> blocks() {
        return List.of(blocks);
    }

    /** A fresh per-lead environment with the lets and the phone computed. */
    public Env prepare(JsonNode lead, Clock clock) {
        Env env = new Env(lead, clock, slotCount);
        for (PerLeadStep s : prepare) s.run(env);
        return env;
    }

    @Override
    public Evaluation evaluate(JsonNode lead, Clock clock) {
        try {
            Env env = prepare(lead, clock);
            List<Trace.Step> steps = new ArrayList<>();
            for (CompiledFilter f : filters) {
                boolean drops = f.drops(env);
                steps.add(new Trace.Step("filter", (f.keep() ? "keep when" : "drop when") + " \"" + f.reason() + "\": "
                        + (drops ? "dropped" : "passed"), f.span().at(), Values.NODES.objectNode()));
                if (drops) {
                    return new LeadEvaluation(this, env, Optional.of(f.reason()), Optional.empty(), contactKey.of(env), new Trace(steps));
                }
            }
            Optional<LookupRequest> lookup = hasFind ? decisions.lookup(env, this) : Optional.empty();
            return new LeadEvaluation(this, env, Optional.empty(), lookup, contactKey.of(env), new Trace(steps));
        } catch (RuleException e) {
            throw e.in(info.name(), lead);
        }
    }

    @Override
    public Decision decide(Evaluation evaluation, Found found, ManagerState managers, Clock clock) {
        return decisions.decide((LeadEvaluation) evaluation, found, managers, clock);
    }

    @Override
    public ObjectNode map(JsonNode lead, Clock clock) {
        try {
            return map(prepare(lead, clock));
        } catch (RuleException e) {
            throw e.in(info.name(), lead);
        }
    }

    /**
     * One entity's payload ({@code contact}, {@code deal} with its products, {@code task}) written
     * straight to JSON bytes, as a connector sends it; empty when the flow has no such block.
     */
    public Optional<byte[]> payloadBytes(JsonNode lead, Clock clock, String entity) {
        PayloadWriter w = writers.get(entity);
        if (w == null) return Optional.empty();
        try {
            return Optional.of(w.bytes(prepare(lead, clock)));
        } catch (RuleException e) {
            throw e.in(info.name(), lead);
        }
    }

    /**
     * {@link #map(JsonNode, Clock)} by the closure interpreter alone, never the generated code: the
     * reference the generated blocks are checked against (GeneratedBlocksProperties, the benchmarks).
     */
    public ObjectNode referenceMap(JsonNode lead, Clock clock) {
        try {
            return map(prepare(lead, clock), true);
        } catch (RuleException e) {
            throw e.in(info.name(), lead);
        }
    }

    /** Every block over a prepared lead: {"contact":{…},"deal":{…,"products":[…]},"task":{…}}. */
    public ObjectNode map(Env env) {
        return map(env, false);
    }

    private ObjectNode map(Env env, boolean reference) {
        ObjectNode out = Values.NODES.objectNode();
        ArrayNode products = null;
        for (CompiledBlock b : blocks) {
            if (b.perItem()) products = b.items(env, reference);
            else out.set(b.entity(), reference ? b.referenceEntity(env) : b.entity(env));
        }
        if (products != null) {
            JsonNode deal = out.get("deal");
            ObjectNode d = deal instanceof ObjectNode o ? o : out.putObject("deal");
            d.set("products", products);
        }
        return out;
    }
}

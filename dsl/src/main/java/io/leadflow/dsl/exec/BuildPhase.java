package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.Program;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.compile.Resolved;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.source.SourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compiles every checked flow into its executable form (closures built once) and the program around them. */
public final class BuildPhase implements Phase<Planned, Program> {
    private final io.leadflow.dsl.builtin.Builtins builtins;

    public BuildPhase(io.leadflow.dsl.builtin.Builtins builtins) {
        this.builtins = builtins;
    }

    @Override
    public String name() {
        return "build";
    }

    @Override
    public Program run(Planned planned, Diagnostics sink) {
        Resolved ctx = planned.decided().targeted().resolved();
        ExprCompiler exprs = new ExprCompiler(builtins, file -> ctx.fileScopes().get(file));
        DecisionPlanFactory factory = planned.decided().plans();
        List<FlowProgram> flows = new ArrayList<>();
        for (FlowUnit unit : ctx.flows()) {
            EventKey key = eventKey(unit, exprs, planned.decided().targeted().source(unit).orElse(null));
            flows.add(flow(unit, exprs, factory.plan(unit, exprs), planned.graphs().get(unit.decl().name()), key));
        }
        List<Program.Schedule> schedules = new ArrayList<>();
        for (ParsedFile f : ctx.files().values()) {
            f.ast().ifPresent(ast -> ast.decls().stream().filter(ScheduleDecl.class::isInstance).map(ScheduleDecl.class::cast)
                    .forEach(s -> schedules.add(schedule(s))));
        }
        return new CompiledProgram(flows, schedules, ctx.sources());
    }

    /** The flow's {@code dedupe by} key, else its source kind's event id; null when it has neither. */
    private static EventKey eventKey(FlowUnit unit, ExprCompiler exprs, SourceKind kind) {
        Optional<DedupeStmt> d = unit.decl().all(DedupeStmt.class).stream().findFirst();
        Duration window = kind == null ? Duration.ofDays(1) : kind.dedupeWindow();
        if (d.isPresent()) {
            return EventKey.of(exprs.compile(d.get().key(), unit.fileScope()), d.get().window().orElse(window),
                    io.leadflow.dsl.fmt.Formatter.expression(d.get().key()));
        }
        return kind == null || kind.eventId().isEmpty() ? null : EventKey.paths(kind.eventId(), window);
    }

    /**
     * Whether blocks are generated as bytecode ({@link BlockCodegen}); {@code -Dleadflow.codegen=false}
     * keeps the closure interpreter alone (the reference; the generated code must give the same bytes).
     */
    static final boolean CODEGEN = !"false".equals(System.getProperty("leadflow.codegen"));
    /** {@code -Dleadflow.codegen=strict} (the dsl tests): a block that cannot be generated fails the compile instead of falling back. */
    static final boolean STRICT = "strict".equals(System.getProperty("leadflow.codegen"));

    private static BlockCode generate(String entity, MappingStmt m, Scope scope, boolean entityBlock, ExprCompiler exprs,
                                      io.leadflow.dsl.builtin.Builtins builtins) {
        if (!CODEGEN) return null;
        List<BlockCodegen.Field> fields = m.fields().stream().map(a -> new BlockCodegen.Field(a.field().intern(), a.value(), scope)).toList();
        try {
            return BlockCodegen.generate(entity, fields, CompiledBlock.capacity(fields.size() + (entityBlock ? 1 : 0)), exprs, builtins);
        } catch (RuntimeException e) {
            if (STRICT) throw e;
            return null; // e.g. a method past the JVM's 64 KiB: the closures run this block, as they would with codegen off
        }
    }

    private FlowProgram flow(FlowUnit unit, ExprCompiler exprs, DecisionPlan plan, io.leadflow.dsl.graph.RuleGraph graph,
                                    EventKey key) {
        FlowDecl decl = unit.decl();
        LeadReads reads = new LeadReads();
        ExprCompiler mapping = exprs.reading(reads); // what map() evaluates: the lets, the phone, the blocks
        List<PerLeadStep> prepare = new ArrayList<>();
        int phoneSlot = -1;
        for (FlowStmt s : decl.body()) {
            if (s instanceof LetDecl l) {
                Eval v = mapping.compile(l.value(), unit.scopeBefore(l));
                int slot = unit.slot(l, l.name());
                prepare.add(env -> env.set(slot, v.eval(env)));
            } else if (s instanceof PhoneStmt p) {
                phoneSlot = unit.slot(p, "phone");
                prepare.add(new PhoneStep(mapping.compile(p.source(), unit.scopeBefore(p)), p.region().orElse("UA"),
                        p.digits().orElse(0), p.mobileOnly(), phoneSlot));
            }
        }
        Scope all = unit.filterScope();
        List<CompiledFilter> filters = new ArrayList<>();
        for (FlowStmt s : decl.body()) {
            if (s instanceof DropStmt d) filters.add(new CompiledFilter(false, exprs.compile(d.condition(), all), d.reason(), d.span()));
            if (s instanceof KeepStmt k) filters.add(new CompiledFilter(true, exprs.compile(k.condition(), all), k.reason(), k.span()));
        }
        List<CompiledBlock> blocks = new ArrayList<>();
        Eval email = null;
        for (MappingStmt m : decl.all(MappingStmt.class)) {
            EntityKind kind = EntityKind.fromBlockName(m.entity()).orElseThrow();
            ListBlockStmt list = m instanceof ListBlockStmt l ? l : null;
            Scope scope = unit.scopeFor(list);
            Eval source = null;
            int slot = -1;
            if (list != null) {
                slot = unit.slot(list, list.var());
                String[] path = exprs.leadPath(list.source(), unit.scopeFor(null));
                if (path != null) reads.loop(slot, path); // only what the block reads of each item is read of the list
                source = (path != null ? exprs : mapping).compile(list.source(), unit.scopeFor(null));
            }
            CompiledField[] fields = m.fields().stream()
                    .map(a -> new CompiledField(a.field().intern(), mapping.compile(a.value(), scope), a.ifEmpty(), a.span()))
                    .toArray(CompiledField[]::new);
            BlockCode code = generate(kind.blockName(), m, scope, list == null, mapping, builtins);
            if (kind == EntityKind.CONTACT) {
                for (CompiledField f : fields) if (f.name().equals("email")) email = f.value();
            }
            blocks.add(new CompiledBlock(kind.blockName(), fields, source, slot, m.span(), code));
        }
        return new FlowProgram(info(decl, key), prepare, filters, blocks, unit.slotCount(), !decl.all(FindStmt.class).isEmpty(),
                plan, new ContactKey(phoneSlot, email), graph, reads);
    }

    private static FlowInfo info(FlowDecl decl, EventKey key) {
        Optional<FromStmt> from = decl.all(FromStmt.class).stream().findFirst();
        Optional<ToStmt> to = decl.all(ToStmt.class).stream().findFirst();
        Map<String, Object> toArgs = to.map(t -> args(t.args())).orElse(Map.of());
        Object account = toArgs.getOrDefault("account", toArgs.getOrDefault("0", "default"));
        return new FlowInfo(decl.name(), from.map(FromStmt::source).orElse(""), from.map(f -> args(f.args())).orElse(Map.of()),
                to.map(ToStmt::connector).orElse(""), String.valueOf(account),
                decl.all(DelayStmt.class).stream().findFirst().map(DelayStmt::delay).orElse(Duration.ZERO),
                decl.all(MarkerStmt.class).stream().findFirst().map(MarkerStmt::field).orElse(null), key);
    }

    /** Named arguments by name, positional ones by position ("0", "1"), as plain Java constants. */
    static Map<String, Object> args(List<Arg> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            out.put(a.name().orElse(String.valueOf(i)), java(Constants.of(a.value())));
        }
        return out;
    }

    static Object java(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.textValue();
        if (v.isIntegralNumber()) return v.longValue();
        if (v.isNumber()) return v.decimalValue();
        if (v.isBoolean()) return v.booleanValue();
        return v.toString();
    }

    private static Program.Schedule schedule(ScheduleDecl s) {
        String job = s.job() instanceof CallExpr c ? c.name() : "";
        Map<String, Object> args = s.job() instanceof CallExpr c ? args(c.args()) : Map.of();
        return new Program.Schedule(s.name(), s.every(), s.at().orElse(null), job, args, s.span().at());
    }

}

package io.leadflow.dsl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.dsl.diag.Words;
import io.leadflow.dsl.eval.Type;
import io.leadflow.dsl.eval.Values;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.EntitySchema;
import io.leadflow.spi.FieldSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mapping blocks against the target connector's field schemas: the connector exists, it has the
 * entity, every field is known (custom fields {@code deal_cf_<id>} in the connector's id style),
 * value types fit, constants fit the length and allowed values, and the required fields of every
 * entity the flow can create ({@link CreatedEntities}) are mapped; a block only used to update needs none.
 */
public final class CheckSchemaPhase implements Phase<Resolved, Targeted> {
    private final io.leadflow.spi.ConnectorCatalog catalog;
    private final io.leadflow.dsl.builtin.Builtins builtins;

    public CheckSchemaPhase(io.leadflow.spi.ConnectorCatalog catalog, io.leadflow.dsl.builtin.Builtins builtins) {
        this.catalog = catalog;
        this.builtins = builtins;
    }

    @Override
    public String name() {
        return "check-schema";
    }

    @Override
    public Targeted run(Resolved resolved, Diagnostics sink) {
        TypeInference types = new TypeInference(builtins, null);
        java.util.Map<FlowUnit, ConnectorDescriptor> connectors = new java.util.IdentityHashMap<>();
        for (FlowUnit unit : resolved.flows()) {
            List<ToStmt> to = unit.decl().all(ToStmt.class);
            if (to.isEmpty()) continue;
            String name = to.get(0).connector();
            var descriptor = catalog.find(name);
            if (descriptor.isEmpty()) {
                List<String> known = catalog.all().stream().map(ConnectorDescriptor::name).toList();
                sink.error(DiagnosticCode.LF401, "unknown connector '" + name + "'" + Suggest.hint(name, known)
                        + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"), to.get(0).span());
                continue;
            }
            connectors.put(unit, descriptor.get());
            Set<EntityKind> created = CreatedEntities.of(unit.decl(), descriptor.get());
            for (MappingStmt m : unit.decl().all(MappingStmt.class)) {
                var known = EntityKind.fromBlockName(m.entity());
                if (known.isEmpty()) continue; // an unknown block is reported by resolve-names (LF503)
                EntityKind kind = known.get();
                var schema = descriptor.get().schema(kind);
                if (schema.isEmpty()) {
                    sink.error(DiagnosticCode.LF408, descriptor.get().displayName() + " has no " + kind.blockName()
                            + " entity to map", m.span());
                    continue;
                }
                Scope scope = unit.scopeFor(m instanceof ListBlockStmt l ? l : null);
                block(m, schema.get(), created.contains(kind), scope, types, sink);
            }
            unmapped(unit.decl(), descriptor.get(), created, sink);
        }
        return new Targeted(resolved, connectors);
    }

    /**
     * LF404 for an entity the flow creates with no block at all ({@code task for deal.manager}
     * without a {@code task { … }}) when the connector requires fields to create it: the create
     * would be refused at run time, every time. Only for an action a rule names; a flow without
     * rules that maps no block at all is not judged here.
     */
    private static void unmapped(io.leadflow.dsl.ast.FlowDecl flow, ConnectorDescriptor target, Set<EntityKind> created, Diagnostics sink) {
        Set<EntityKind> blocks = java.util.EnumSet.noneOf(EntityKind.class);
        for (MappingStmt m : flow.all(MappingStmt.class)) EntityKind.fromBlockName(m.entity()).ifPresent(blocks::add);
        java.util.List<io.leadflow.dsl.ast.Action> actions = new java.util.ArrayList<>();
        flow.all(io.leadflow.dsl.ast.WhenStmt.class).forEach(w -> actions.addAll(w.actions()));
        flow.all(io.leadflow.dsl.ast.OtherwiseStmt.class).forEach(o -> actions.addAll(o.actions()));
        for (EntityKind kind : created) {
            if (kind == EntityKind.PRODUCT || blocks.contains(kind)) continue;
            var schema = target.schema(kind);
            if (schema.isEmpty()) continue;
            List<String> required = schema.get().fields().values().stream().filter(FieldSpec::required).map(FieldSpec::name).sorted().toList();
            if (required.isEmpty()) continue;
            var action = actions.stream()
                    .filter(a -> kind == EntityKind.TASK ? a instanceof io.leadflow.dsl.ast.TaskAction
                            : a instanceof io.leadflow.dsl.ast.CreateAction c && EntityKind.fromBlockName(c.entity()).orElse(null) == kind)
                    .map(io.leadflow.dsl.ast.Action::span).findFirst();
            if (action.isEmpty()) continue; // a flow without rules and without blocks: not judged here (not done)
            io.leadflow.dsl.SourceSpan at = action.get();
            sink.error(DiagnosticCode.LF404, "this flow creates " + Words.a(schema.get().apiName()) + " but has no " + kind.blockName()
                    + " block: add " + kind.blockName() + " { " + String.join(" <- …  ", required) + " <- … } (required to create "
                    + Words.a(schema.get().apiName()) + ")", at);
        }
    }

    private static void block(MappingStmt m, EntitySchema schema, boolean created, Scope scope, TypeInference types, Diagnostics sink) {
        Set<String> mapped = new HashSet<>();
        for (AssignStmt a : m.fields()) {
            mapped.add(a.field());
            FieldSpec spec = field(a, schema, sink);
            if (spec == null) continue;
            Type t = types.infer(a.value(), scope);
            if (!spec.type().accepts(t.fieldType())) {
                sink.error(DiagnosticCode.LF403, "field '" + a.field() + "' takes " + spec.type().name().toLowerCase() + ", got " + t.display(), a.value().span());
            }
            JsonNode c = Constants.of(a.value());
            if (c == null || c.isNull()) continue;
            String text = Values.asText(c);
            if (spec.maxLength() > 0 && text.length() > spec.maxLength()) {
                sink.error(DiagnosticCode.LF406, "field '" + a.field() + "' holds at most " + spec.maxLength() + " characters, this is " + text.length(),
                        a.value().span());
            }
            if (!spec.allowedValues().isEmpty() && !spec.allowedValues().contains(text)) {
                sink.error(DiagnosticCode.LF407, "field '" + a.field() + "' takes one of " + spec.allowedValues() + Suggest.hint(text, spec.allowedValues()),
                        a.value().span());
            }
        }
        // by name: the schema's map has no stable order, and two findings at one block must render alike every run
        for (FieldSpec f : schema.fields().values().stream().sorted(java.util.Comparator.comparing(FieldSpec::name)).toList()) {
            if (created && f.required() && !mapped.contains(f.name())) {
                sink.error(DiagnosticCode.LF404, "the " + m.entity() + " block must set '" + f.name() + "' (required to create "
                        + Words.a(schema.apiName()) + ", which this flow's rules can create)", m.span());
            }
        }
    }

    private static FieldSpec field(AssignStmt a, EntitySchema schema, Diagnostics sink) {
        var spec = schema.field(a.field());
        if (spec.isPresent()) return spec.get();
        var id = schema.customFieldId(a.field());
        if (id.isPresent()) {
            if (!schema.customFields().accepts(id.get())) {
                sink.error(DiagnosticCode.LF405, "'" + a.field() + "': custom field ids here are " + schema.customFields().describe(), a.span());
            }
            return null;
        }
        for (EntityKind other : EntityKind.values()) {
            if (other != schema.kind() && a.field().startsWith(other.customFieldPrefix())) {
                sink.error(DiagnosticCode.LF402, "'" + a.field() + "' is a custom field of the " + other.blockName() + ", not of the "
                        + schema.kind().blockName(), a.span());
                return null;
            }
        }
        sink.error(DiagnosticCode.LF402, "'" + a.field() + "' is not a field of the " + schema.apiName()
                + Suggest.hint(a.field(), schema.fields().keySet()), a.span());
        return null;
    }
}

package io.leadflow.dsl.sources;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.compile.ExprSites;
import io.leadflow.dsl.compile.FlowUnit;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.compile.Targeted;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.FieldType;
import io.leadflow.spi.source.Confidence;
import io.leadflow.spi.source.PayloadField;
import io.leadflow.spi.source.PayloadSchema;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.SourceKind;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each flow's {@code from} against the source catalog (the source, its kind and every argument
 * exist and fit), then every {@code lead.…} path of the flow against the kind's payload schema,
 * extended by the flow's {@code fields} declaration (which closes a generic source's open schema).
 * Hands on each flow's source kind (for the flows whose source is known).
 */
public final class CheckSourcesPhase implements Phase<Targeted, Targeted> {
    private final ConnectorCatalog catalog;

    public CheckSourcesPhase(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "check-sources";
    }

    @Override
    public Targeted run(Targeted targeted, Diagnostics sink) {
        Map<FlowUnit, SourceKind> kinds = new IdentityHashMap<>();
        for (FlowUnit unit : targeted.resolved().flows()) {
            unit.decl().all(DedupeStmt.class).forEach(d -> dedupe(d, sink));
            Optional<FromStmt> from = unit.decl().all(FromStmt.class).stream().findFirst();
            if (from.isEmpty()) continue;
            Optional<SourceKind> kind = resolve(from.get(), catalog, sink).map(k -> pulled(k, from.get()) ? k.asPulled() : k);
            if (kind.isEmpty()) continue;
            kinds.put(unit, kind.get());
            new ArgCheck(sink).check(from.get().args(), kind.get().argsByName(),
                    "'" + from.get().source() + "'", from.get().span());
            PayloadSchema payload = payload(kind.get().payload(), unit.decl().all(FieldsStmt.class));
            LeadPaths paths = new LeadPaths(payload, from.get().source(),
                    d -> d instanceof LetDecl l ? unit.scopeBefore(l) : unit.scopeFor(null), sink);
            ExprSites.flow(unit, paths::check);
            for (WhenStmt w : unit.decl().all(WhenStmt.class)) {
                paths.check(w.condition(), unit.scopeFor(null));
                w.assignee().ifPresent(a -> paths.check(a, unit.scopeFor(null)));
            }
        }
        return targeted.withSources(kinds);
    }

    /** Whether the flow pulls its kind: a kind that can only be pulled, or one that can be either and is given {@code poll}. */
    private static boolean pulled(SourceKind kind, FromStmt from) {
        if (!kind.canArrive(Arrival.PULL)) return false;
        return !kind.canArrive(Arrival.WEBHOOK) || from.args().stream().anyMatch(a -> a.name().filter("poll"::equals).isPresent());
    }

    /** A dedupe key must read the lead (a constant would make every lead a repeat of the first) and its window be positive. */
    private static void dedupe(DedupeStmt d, Diagnostics sink) {
        if (Constants.of(d.key()) != null) {
            sink.error(DiagnosticCode.LF413, "the dedupe key must be read from the lead (e.g. dedupe by lead.order_id); "
                    + "a constant key would make every lead a repeat of the first", d.key().span());
        }
        if (d.window().isPresent() && d.window().get().isZero()) {
            sink.error(DiagnosticCode.LF413, "the dedupe window must be longer than zero", d.span());
        }
    }

    /** The kind {@code from source.kind} names, or empty after reporting why there is none. */
    static Optional<SourceKind> resolve(FromStmt from, ConnectorCatalog catalog, Diagnostics sink) {
        String[] parts = from.source().split("\\.", -1);
        List<String> sources = catalog.sources().stream().map(SourceDescriptor::name).toList();
        Optional<SourceDescriptor> source = catalog.source(parts[0]);
        if (source.isEmpty()) {
            sink.error(DiagnosticCode.LF409, "unknown source '" + parts[0] + "'" + Suggest.hint(parts[0], sources)
                    + " (known: " + String.join(", ", sources) + ")", from.span());
            return Optional.empty();
        }
        List<String> kinds = source.get().kinds().stream().map(k -> parts[0] + "." + k.name()).toList();
        if (parts.length != 2 || parts[1].isEmpty()) {
            sink.error(DiagnosticCode.LF409, "name the kind of lead: from " + parts[0] + ".<kind>"
                    + (kinds.isEmpty() ? " (any name labels the form)" : " (" + String.join(", ", kinds) + ")"), from.span());
            return Optional.empty();
        }
        Optional<SourceKind> kind = source.get().kind(parts[1]);
        if (kind.isEmpty()) {
            sink.error(DiagnosticCode.LF409, source.get().displayName() + " has no kind '" + parts[1] + "'"
                    + Suggest.hint(parts[1], source.get().kindsByName().keySet()) + " (known: " + String.join(", ", kinds) + ")",
                    from.span());
            return kind;
        }
        return kind;
    }

    /** The kind's schema with the flow's declared fields: added to a closed one, or closing an open one. */
    static PayloadSchema payload(PayloadSchema declaredByKind, List<FieldsStmt> fields) {
        if (fields.isEmpty()) return declaredByKind;
        List<PayloadField> extra = fields.get(0).names().stream()
                .map(n -> PayloadField.of(n, FieldType.ANY, Confidence.CONFIRMED)).toList();
        // an open kind that knows some fields (Calltouch's requests journal: requestId) keeps them when the file closes it
        return declaredByKind.open() ? PayloadSchema.declared(declaredByKind.fields().values()).plus(extra) : declaredByKind.plus(extra);
    }
}

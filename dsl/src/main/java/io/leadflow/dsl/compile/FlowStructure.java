package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.spi.EntityKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shape of a flow: one {@code from} and one {@code to}, single statements not repeated, known mapping blocks once each. */
final class FlowStructure {
    private static final List<String> BLOCKS = List.of("contact", "deal", "order", "task", "products");

    private FlowStructure() { }

    static void check(FlowDecl flow, Diagnostics sink) {
        once(flow, FromStmt.class, "from", sink, true);
        once(flow, ToStmt.class, "to", sink, true);
        once(flow, DelayStmt.class, "delay", sink, false);
        once(flow, FieldsStmt.class, "fields", sink, false);
        once(flow, DedupeStmt.class, "dedupe", sink, false);
        once(flow, PhoneStmt.class, "phone", sink, false);
        once(flow, MarkerStmt.class, "marker", sink, false);
        once(flow, UpdateModeStmt.class, "update", sink, false);
        Map<EntityKind, MappingStmt> seen = new HashMap<>();
        for (MappingStmt m : flow.all(MappingStmt.class)) {
            var kind = EntityKind.fromBlockName(m.entity());
            if (kind.isEmpty()) {
                sink.error(DiagnosticCode.LF503, "unknown mapping block '" + m.entity() + "' (contact, deal/order, task, products)"
                        + Suggest.hint(m.entity(), BLOCKS), m.span());
                continue;
            }
            boolean isList = m instanceof ListBlockStmt;
            if (isList != (kind.get() == EntityKind.PRODUCT)) {
                sink.error(DiagnosticCode.LF503, isList ? "only products are mapped per item of a list ('" + m.entity() + " from …')"
                        : "products are mapped per item: products from lead.items as item { … }", m.span());
            }
            MappingStmt prev = seen.putIfAbsent(kind.get(), m);
            if (prev != null) sink.error(DiagnosticCode.LF504, "the " + kind.get().blockName() + " block is already given at " + prev.span().at(), m.span());
        }
    }

    private static void once(FlowDecl flow, Class<? extends FlowStmt> kind, String word, Diagnostics sink, boolean required) {
        List<? extends FlowStmt> all = flow.all(kind);
        if (all.isEmpty() && required) {
            sink.error(DiagnosticCode.LF501, "flow \"" + flow.name() + "\" has no '" + word + "'", flow.span());
        }
        for (int i = 1; i < all.size(); i++) {
            sink.error(DiagnosticCode.LF502, "'" + word + "' is already given at " + all.get(0).span().at(), all.get(i).span());
        }
    }
}

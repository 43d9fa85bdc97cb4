package io.leadflow.dsl.decide;

import io.leadflow.dsl.DiagnosticCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ast.ManagerEntry;
import io.leadflow.dsl.ast.ManagersDecl;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.dsl.eval.Values;
import io.leadflow.dsl.managers.ManagerCollection;
import io.leadflow.dsl.managers.Member;
import io.leadflow.dsl.managers.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A {@code managers} declaration checked and turned into a {@link ManagerCollection}. */
final class Collections {
    private Collections() { }

    /** The collection, or empty after reporting what is wrong with it. */
    static Optional<ManagerCollection> of(ManagersDecl d, Sink sink) {
        Optional<Strategy> strategy = Strategy.of(d.strategy());
        if (strategy.isEmpty()) {
            sink.error(DiagnosticCode.LF517, "unknown strategy '" + d.strategy() + "' (" + String.join(", ", Strategy.words()) + ")"
                    + Suggest.hint(d.strategy(), Strategy.words()), d.span());
            return Optional.empty();
        }
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (ManagerEntry e : d.entries()) {
            JsonNode id = Constants.of(e.manager());
            if (id == null || !(id.isTextual() || id.isIntegralNumber()) || Values.asText(id).isBlank()) {
                sink.error(DiagnosticCode.LF517, "a manager is the CRM's id for them, written as a number or text", e.span());
                ok = false;
                continue;
            }
            long weight = 1;
            if (e.weight().isPresent()) {
                BigDecimal w = e.weight().get();
                if (strategy.get() != Strategy.WEIGHTED) {
                    sink.error(DiagnosticCode.LF517, "weights need the weighted strategy: managers " + d.name() + " = weighted [...]", e.span());
                    ok = false;
                } else if (w.stripTrailingZeros().scale() > 0 || w.compareTo(BigDecimal.ONE) < 0 || w.compareTo(BigDecimal.valueOf(Member.MAX_WEIGHT)) > 0) {
                    sink.error(DiagnosticCode.LF517, "a weight is a whole number from 1 to " + Member.MAX_WEIGHT, e.span());
                    ok = false;
                } else {
                    weight = w.longValueExact();
                }
            }
            String text = Values.asText(id);
            if (!seen.add(text)) {
                sink.error(DiagnosticCode.LF517, "manager " + text + " is listed twice in " + d.name(), e.span());
                ok = false;
            }
            members.add(new Member(text, weight));
        }
        return ok && !members.isEmpty() ? Optional.of(new ManagerCollection(d.name(), strategy.get(), members)) : Optional.empty();
    }
}

package io.leadflow.dsl.decide;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.ast.DropStmt;
import io.leadflow.dsl.ast.FindStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.FlowStmt;
import io.leadflow.dsl.ast.KeepStmt;
import io.leadflow.dsl.ast.OtherwiseStmt;
import io.leadflow.dsl.ast.PhoneStmt;
import io.leadflow.dsl.ast.WhenStmt;
import io.leadflow.dsl.decide.analysis.Formula;
import io.leadflow.dsl.decide.analysis.Formulas;
import io.leadflow.dsl.decide.analysis.RuleAnalysis;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule list as a whole: {@code otherwise} once and last, {@code contact}/{@code deal} only
 * with {@code find}, no rule that can never match (LF510), no case left without a rule (LF512),
 * and invalid phones handled by some rule (LF520). See {@link RuleAnalysis} for what is proven.
 */
final class RuleChecks {
    private RuleChecks() { }

    static void check(FlowDecl flow, Map<String, String> sources, Sink sink) {
        List<WhenStmt> whens = flow.all(WhenStmt.class);
        List<OtherwiseStmt> otherwise = flow.all(OtherwiseStmt.class);
        boolean find = !flow.all(FindStmt.class).isEmpty();
        for (int i = 1; i < otherwise.size(); i++) sink.error(DiagnosticCode.LF519, "otherwise is already given at " + otherwise.get(0).span().at(), otherwise.get(i).span());
        int lastWhen = -1;
        int firstOtherwise = Integer.MAX_VALUE;
        List<FlowStmt> body = flow.body();
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof WhenStmt) lastWhen = i;
            if (body.get(i) instanceof OtherwiseStmt) firstOtherwise = Math.min(firstOtherwise, i);
        }
        if (lastWhen > firstOtherwise) sink.error(DiagnosticCode.LF519, "otherwise must come after every when rule (it takes whatever they leave)", body.get(firstOtherwise).span());
        if (!find) {
            for (WhenStmt w : whens) {
                if (Exprs.names(w.condition(), "contact") || Exprs.names(w.condition(), "deal")) {
                    sink.error(DiagnosticCode.LF515, "this rule reads contact or deal but the flow has no 'find' (find contact by phone, email)", w.condition().span());
                }
            }
        }
        // contact or deal in a filter is reported once, by resolve-names (the filter scope says why)
        phoneHandled(flow, whens, sink);
        if (whens.isEmpty()) return;
        List<Formula> formulas = whens.stream().map(w -> Formulas.of(w.condition())).toList();
        RuleAnalysis.Result r = RuleAnalysis.analyse(formulas, find, a -> SourceText.of(sources, a.expr().span()));
        if (!r.analysed()) return;
        for (int i : r.unreachable()) {
            List<Integer> by = r.shadowedBy().getOrDefault(i, List.of());
            String why = by.isEmpty() ? "its condition is never true"
                    : "every lead it would match is taken by the rule" + (by.size() > 1 ? "s" : "") + " at "
                    + by.stream().map(j -> "line " + whens.get(j).span().line()).collect(Collectors.joining(", "));
            sink.error(DiagnosticCode.LF510, "this rule can never match: " + why, whens.get(i).span());
        }
        if (r.uncovered().isEmpty() && !otherwise.isEmpty()) {
            sink.warning(DiagnosticCode.LF511, "otherwise is never used: the rules above cover every case", otherwise.get(0).span());
        }
        if (r.uncovered().isPresent() && otherwise.isEmpty()) {
            sink.error(DiagnosticCode.LF512, "the rules do not cover every case, e.g. " + r.uncovered().get().describe(r.freeTexts())
                    + "; add otherwise -> … (skip \"reason\" to leave such leads alone)", whens.get(whens.size() - 1).span());
        }
    }

    /** L5: "invalid numbers are handled by a rule, not silently passed". */
    private static void phoneHandled(FlowDecl flow, List<WhenStmt> whens, Sink sink) {
        List<PhoneStmt> phones = flow.all(PhoneStmt.class);
        if (phones.isEmpty()) return;
        boolean handled = whens.stream().anyMatch(w -> Exprs.member(w.condition(), "phone", "valid"))
                || flow.all(DropStmt.class).stream().anyMatch(d -> Exprs.member(d.condition(), "phone", "valid"))
                || flow.all(KeepStmt.class).stream().anyMatch(k -> Exprs.member(k.condition(), "phone", "valid"));
        if (!handled) {
            sink.warning(DiagnosticCode.LF520, "no rule reads phone.valid, so an invalid number is silently left out (phone reads as null); drop it with"
                    + " drop when not phone.valid \"no usable phone\", or send it on as given with phone <- phone ?? phone.raw", phones.get(0).span());
        }
    }
}

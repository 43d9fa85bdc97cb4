package io.leadflow.dsl.decide;

import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.ast.FindStmt;
import io.leadflow.dsl.ast.FlowDecl;
import io.leadflow.dsl.ast.MarkerStmt;
import io.leadflow.dsl.ast.PhoneStmt;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.spi.Capability;
import io.leadflow.spi.ConnectorDescriptor;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.record.LookupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code find}, {@code marker} and {@code phone} against the grammar's words and the connector's capabilities (seed 003). */
final class FindChecks {
    private static final List<String> KEYS = List.of("phone", "email");

    private FindChecks() { }

    /** The lookup keys in order, or an empty list after reporting why there are none. */
    static List<LookupKey.Kind> check(FlowDecl flow, ConnectorDescriptor target, boolean usesDeal, Sink sink) {
        List<FindStmt> finds = flow.all(FindStmt.class);
        flow.all(PhoneStmt.class).forEach(p -> phone(p, sink));
        List<LookupKey.Kind> kinds = new ArrayList<>();
        if (finds.isEmpty()) return kinds;
        FindStmt f = finds.get(0);
        if (!f.target().equals("contact")) {
            sink.error(DiagnosticCode.LF518, "find looks up the contact (and its deals): find contact by phone, email"
                    + Suggest.hint(f.target(), List.of("contact")), f.span());
        }
        for (String k : f.keys()) {
            if (!KEYS.contains(k)) {
                sink.error(DiagnosticCode.LF518, "unknown lookup key '" + k + "' (phone, email)" + Suggest.hint(k, KEYS), f.span());
                continue;
            }
            LookupKey.Kind kind = LookupKey.Kind.valueOf(k.toUpperCase(Locale.ROOT));
            if (kinds.contains(kind)) sink.error(DiagnosticCode.LF518, "lookup key '" + k + "' is listed twice", f.span());
            kinds.add(kind);
        }
        if (kinds.contains(LookupKey.Kind.PHONE) && flow.all(PhoneStmt.class).isEmpty()) {
            sink.error(DiagnosticCode.LF518, "find by phone needs a phone statement (phone lead.phone as UA) to standardise the number", f.span());
        }
        if (target == null) return kinds;
        boolean byPhone = target.can(Capability.FIND_CONTACT_BY_PHONE);
        boolean byEmail = target.can(Capability.FIND_CONTACT_BY_EMAIL);
        if (!byPhone && !byEmail) {
            String deal = target.schema(EntityKind.DEAL).map(s -> s.apiName()).orElse("deal");
            sink.error(DiagnosticCode.LF513, target.displayName() + " cannot look records up: every lead creates a new " + deal
                    + "; remove 'find' and the rules that read contact or deal", f.span());
            return kinds;
        }
        for (LookupKey.Kind k : kinds) {
            Capability need = k == LookupKey.Kind.PHONE ? Capability.FIND_CONTACT_BY_PHONE : Capability.FIND_CONTACT_BY_EMAIL;
            if (!target.can(need)) {
                sink.error(DiagnosticCode.LF513, target.displayName() + " cannot find contacts by " + k.name().toLowerCase(Locale.ROOT), f.span());
            }
        }
        if (usesDeal && !target.can(Capability.FIND_DEALS)) {
            sink.error(DiagnosticCode.LF513, target.displayName() + " cannot return a contact's deals; rules cannot read 'deal'", f.span());
        }
        for (MarkerStmt m : flow.all(MarkerStmt.class)) {
            if (!target.can(Capability.MARKER)) sink.error(DiagnosticCode.LF513, target.displayName() + " cannot keep a marker field on deals", m.span());
        }
        return kinds;
    }

    private static void phone(PhoneStmt p, Sink sink) {
        var profile = io.leadflow.dsl.phone.PhoneProfile.of(p.region(), p.digits(), p.mobileOnly());
        if (!profile.knownRegion()) {
            sink.error(DiagnosticCode.LF516, "unknown phone region '" + profile.region() + "' (an ISO 3166 code: UA, PL, DE …)", p.span());
        }
        if (p.digits().isPresent() && (p.digits().get() < 4 || p.digits().get() > 15)) {
            sink.error(DiagnosticCode.LF516, "digits must be between 4 and 15 (the national number's length, 9 for UA)", p.span());
        }
    }
}

package io.leadflow.dsl.compile;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.ast.Arg;
import io.leadflow.dsl.ast.AssignStmt;
import io.leadflow.dsl.ast.ListBlockStmt;
import io.leadflow.dsl.ast.MappingStmt;
import io.leadflow.dsl.ast.MarkerStmt;
import io.leadflow.dsl.ast.ToStmt;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.spi.EntityKind;
import io.leadflow.spi.account.AccountFinding;
import io.leadflow.spi.account.AccountSchema;
import io.leadflow.spi.account.AccountSchemaCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The custom fields each flow maps ({@code deal_cf_<id>}, {@code contact_cf_<id>}, and its
 * {@code marker}) against the account description of its target account, when one is given
 * ({@code leadflow check|test --account FILE}, or an {@code accounts.json} in the folder): a field
 * the account lacks, or has on another entity, is error LF414 at the field, with the account's
 * closest field (the same judgement as {@code serve}'s start-up account check,
 * {@link AccountSchemaCheck}). Without a description, or for an account it does not describe,
 * nothing is checked here.
 */
public final class CheckAccountPhase implements Phase<Targeted, Targeted> {
    private final List<AccountSchema> accounts;

    public CheckAccountPhase(List<AccountSchema> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public String name() {
        return "check-account";
    }

    @Override
    public Targeted run(Targeted targeted, Diagnostics sink) {
        if (accounts.isEmpty()) return targeted;
        for (FlowUnit unit : targeted.resolved().flows()) {
            List<ToStmt> to = unit.decl().all(ToStmt.class);
            if (to.isEmpty()) continue;
            Optional<AccountSchema> schema = schema(to.get(0));
            if (schema.isEmpty()) continue;
            for (MappingStmt m : unit.decl().all(MappingStmt.class)) {
                if (m instanceof ListBlockStmt) continue; // product lines have no custom fields
                Optional<EntityKind> kind = EntityKind.fromBlockName(m.entity());
                if (kind.isEmpty()) continue;
                for (AssignStmt a : m.fields()) check(kind.get(), a.field(), schema.get(), a.span(), sink);
            }
            for (MarkerStmt marker : unit.decl().all(MarkerStmt.class)) check(EntityKind.DEAL, marker.field(), schema.get(), marker.span(), sink);
        }
        return targeted;
    }

    private static void check(EntityKind entity, String field, AccountSchema schema, io.leadflow.dsl.SourceSpan at, Diagnostics sink) {
        if (!field.startsWith(entity.customFieldPrefix())) return; // not a custom field of this block (check-schema judged it)
        for (AccountFinding f : AccountSchemaCheck.check(Map.of(entity, List.of(field)), schema)) {
            sink.error(DiagnosticCode.LF414, f.message() + " (account description)", at);
        }
    }

    private Optional<AccountSchema> schema(ToStmt to) {
        String account = "default";
        for (Arg a : to.args()) {
            if (a.name().map("account"::equals).orElse(false)) {
                JsonNode c = Constants.of(a.value());
                if (c != null && c.isTextual()) account = c.asText();
            }
        }
        String wanted = account;
        return accounts.stream().filter(s -> s.connector().equals(to.connector()) && s.account().equals(wanted)).findFirst();
    }
}

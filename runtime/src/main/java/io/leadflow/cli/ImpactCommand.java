package io.leadflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.dsl.CompileResult;
import io.leadflow.runtime.console.Console;
import io.leadflow.runtime.console.ConsoleMask;
import io.leadflow.runtime.console.Impact;
import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadStatus;
import io.leadflow.runtime.journal.LeadSummary;
import io.leadflow.runtime.journal.sqlite.JournalOptions;
import io.leadflow.runtime.journal.sqlite.SqliteJournal;
import io.leadflow.runtime.reload.DslRuleCompiler;
import io.leadflow.spi.ConnectorCatalog;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leadflow impact --data DIR [--since 7d] [--limit N] [--flow NAME] [--json] [--fail-on-change] RULES...}:
 * re-decide stored leads from a copy of the journal with the rules that ran them and with candidate
 * rule files, nothing sent, and list the leads whose decision or payload would change, grouped.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Show which stored leads candidate rules would decide differently (nothing is sent). Read a COPY of the journal folder.")
public final class ImpactCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** CI logs are not the place for full phones and emails either (no secrets file here: PII patterns only). */
    private static final ConsoleMask MASK = new ConsoleMask(java.util.Set::of);
    private static final Pattern SINCE = Pattern.compile("(\\d+)([mhd])");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RULES", description = "The candidate rule files or folders.")
    List<Path> rules;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "A copy of the journal folder (leadflow-data).")
    Path data;

    @Option(names = "--since", paramLabel = "AGE", description = "Only leads received in the last AGE (30m, 12h, 7d).")
    String since;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "At most the N newest leads (default 1000, at most 100000).")
    int limit;

    @Option(names = "--flow", paramLabel = "NAME", description = "Only this flow's leads.")
    String flow;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--fail-on-change", description = "Exit 3 when any lead would change (for CI).")
    boolean failOnChange;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (limit < 1 || limit > 100_000) {
            err.println("impact: --limit must be 1 to 100000");
            return 2;
        }
        Instant from;
        try {
            from = since == null ? null : Instant.now().minus(age(since));
        } catch (IllegalArgumentException e) {
            err.println("impact: " + e.getMessage());
            return 2;
        }
        if (!Files.exists(data.resolve(JournalOptions.defaults().fileName()))) {
            err.println("impact: no journal under " + data + " (give --data the folder serve writes, or a copy of it)");
            return 2;
        }
        DslRuleCompiler compiler = new DslRuleCompiler(ConnectorCatalog.discover());
        CompileResult candidate = compiler.compile(rules);
        if (!candidate.ok()) {
            err.print(candidate.render());
            return 1;
        }
        Vertx vertx = Vertx.vertx();
        try {
            Journal journal = SqliteJournal.open(vertx, data, JournalOptions.defaults()).await();
            try {
                List<Impact.StoredLead> leads = read(journal, from);
                Map<String, Optional<CompileResult>> byVersion = new HashMap<>();
                Impact.Report report = Impact.run(leads, l -> l.ruleVersion() == null ? null : byVersion.computeIfAbsent(l.ruleVersion(),
                        h -> journal.ledger().rules(h).await().map(compiler::compileSources)).orElse(null), candidate);
                if (json) out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.json(MASK::json, Integer.MAX_VALUE)));
                else out.print(report.text(MASK::json));
                out.flush();
                return failOnChange && report.changed() > 0 ? 3 : 0;
            } finally {
                journal.close().await();
            }
        } finally {
            vertx.close().await();
        }
    }

    private List<Impact.StoredLead> read(Journal journal, Instant from) {
        List<Impact.StoredLead> out = new ArrayList<>();
        String cursor = null;
        while (out.size() < limit) {
            List<LeadSummary> rows = journal.list(new LeadQuery(flow, null, from, null, Math.min(LeadQuery.MAX_LIMIT, limit - out.size()), cursor)).await();
            for (LeadSummary s : rows) {
                if (s.status() == LeadStatus.DUPLICATE) continue;
                journal.get(s.leadId()).await().ifPresent(d -> out.add(Console.storedLead(d, null)));
            }
            if (rows.size() < Math.min(LeadQuery.MAX_LIMIT, limit) || rows.isEmpty()) break;
            cursor = rows.get(rows.size() - 1).cursor();
        }
        return out;
    }

    static Duration age(String s) {
        Matcher m = SINCE.matcher(s.trim());
        if (!m.matches()) throw new IllegalArgumentException("--since must be a number and m, h or d (30m, 12h, 7d), not '" + s + "'");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}

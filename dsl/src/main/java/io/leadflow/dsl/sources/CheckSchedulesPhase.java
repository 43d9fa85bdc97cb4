package io.leadflow.dsl.sources;

import io.leadflow.dsl.ast.CallExpr;
import io.leadflow.dsl.ast.ScheduleDecl;
import io.leadflow.dsl.compile.Phase;
import io.leadflow.dsl.compile.Targeted;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.dsl.DiagnosticCode;
import io.leadflow.dsl.diag.Suggest;
import io.leadflow.dsl.parse.ParsedFile;
import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.job.JobSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every {@code schedule} calls a job the runtime implements, with arguments it takes (did-you-mean for both). */
public final class CheckSchedulesPhase implements Phase<Targeted, Targeted> {
    private final ConnectorCatalog catalog;

    public CheckSchedulesPhase(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "check-schedules";
    }

    @Override
    public Targeted run(Targeted targeted, Diagnostics sink) {
        List<String> jobs = catalog.jobs().stream().map(JobSpec::name).toList();
        for (ParsedFile f : targeted.resolved().files().values()) {
            if (f.ast().isEmpty()) continue;
            for (var d : f.ast().get().decls()) {
                if (!(d instanceof ScheduleDecl s)) continue;
                if (!(s.job() instanceof CallExpr call)) {
                    sink.error(DiagnosticCode.LF412, "a schedule calls one job: job(arg: value)"
                            + (jobs.isEmpty() ? "" : " (jobs: " + String.join(", ", jobs) + ")"), s.job().span());
                    continue;
                }
                var job = catalog.job(call.name());
                if (job.isEmpty()) {
                    sink.error(DiagnosticCode.LF412, "schedule \"" + s.name() + "\" calls unknown job '" + call.name() + "'"
                            + Suggest.hint(call.name(), jobs) + " (jobs: " + (jobs.isEmpty() ? "none" : String.join(", ", jobs)) + ")",
                            call.span());
                    continue;
                }
                Map<String, ArgSpec> args = new LinkedHashMap<>();
                for (ArgSpec a : job.get().args()) args.put(a.name(), a);
                new ArgCheck(sink, DiagnosticCode.LF412).check(call.args(), args, "job '" + call.name() + "'", call.span());
            }
        }
        return targeted;
    }
}

package io.leadflow.runtime.schedule;

import io.leadflow.spi.ArgSpec;
import io.leadflow.spi.job.JobSpec;
import io.leadflow.spi.job.JobSpecProvider;
import java.util.List;

/**
 * What the compiler may accept of the jobs {@link JobRegistry#builtins()} registers (the names must agree).
 * {@code product_sync}'s spec is {@link io.leadflow.connector.catalog.ProductSyncSpec} (next to the sync, so the
 * compiler's tests see it too); the server registers its job.
 */
public final class BuiltinJobSpecs implements JobSpecProvider {
    public static final JobSpec LOG = new JobSpec("log",
            List.of(ArgSpec.optional("message", ArgSpec.Type.TEXT, "the text of the log line")),
            "writes one log line per run (for trying a schedule out)");

    @Override
    public List<JobSpec> jobs() {
        return List.of(LOG);
    }
}

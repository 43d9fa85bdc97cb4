package io.leadflow.spi.job;

import io.leadflow.spi.ArgSpec;
import java.util.List;

/**
 * A job a {@code schedule} may call, as the compiler sees it: its name and the arguments the
 * runtime implements. The runtime registers the job itself under the same name.
 */
public record JobSpec(String name, List<ArgSpec> args, String meaning) {
    public JobSpec {
        args = List.copyOf(args);
    }
}

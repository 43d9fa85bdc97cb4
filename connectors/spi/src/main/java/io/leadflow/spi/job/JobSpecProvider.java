package io.leadflow.spi.job;

import java.util.List;

/** Found with {@link java.util.ServiceLoader}: a module that implements scheduled jobs declares them here. */
public interface JobSpecProvider {
    List<JobSpec> jobs();
}

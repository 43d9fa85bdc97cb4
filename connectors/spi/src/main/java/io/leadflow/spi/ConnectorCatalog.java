package io.leadflow.spi;

import io.leadflow.spi.job.JobSpec;
import io.leadflow.spi.job.JobSpecProvider;
import io.leadflow.spi.source.SiteSource;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceDescriptorProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * What a compilation checks against: the connectors ({@code to …}), the lead sources
 * ({@code from …}, always with the generic {@code site} source) and the scheduled jobs.
 * Immutable; build one per compiler.
 */
public final class ConnectorCatalog {
    private final Map<String, ConnectorDescriptor> byName;
    private final Map<String, SourceDescriptor> sources;
    private final Map<String, JobSpec> jobs;

    private ConnectorCatalog(Map<String, ConnectorDescriptor> byName, Map<String, SourceDescriptor> sources, Map<String, JobSpec> jobs) {
        // in the order given, like sources and jobs: a listing in a diagnostic ("known: …") reads alike every run
        this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        Map<String, SourceDescriptor> s = new LinkedHashMap<>();
        s.put(SiteSource.DESCRIPTOR.name(), SiteSource.DESCRIPTOR);
        s.putAll(sources);
        this.sources = java.util.Collections.unmodifiableMap(s);
        this.jobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
    }

    public static ConnectorCatalog of(ConnectorDescriptor... descriptors) {
        Map<String, ConnectorDescriptor> m = new LinkedHashMap<>();
        for (ConnectorDescriptor d : descriptors) m.put(d.name(), d);
        return new ConnectorCatalog(m, Map.of(), Map.of());
    }

    /** Every connector, source and job registered through the SPI's providers on the class path. */
    public static ConnectorCatalog discover() {
        Map<String, ConnectorDescriptor> m = new LinkedHashMap<>();
        for (ConnectorDescriptorProvider p : ServiceLoader.load(ConnectorDescriptorProvider.class)) {
            ConnectorDescriptor d = p.descriptor();
            m.put(d.name(), d);
        }
        Map<String, SourceDescriptor> s = new LinkedHashMap<>();
        for (SourceDescriptorProvider p : ServiceLoader.load(SourceDescriptorProvider.class)) {
            SourceDescriptor d = p.descriptor();
            s.put(d.name(), d);
        }
        Map<String, JobSpec> j = new LinkedHashMap<>();
        for (JobSpecProvider p : ServiceLoader.load(JobSpecProvider.class)) {
            for (JobSpec spec : p.jobs()) j.put(spec.name(), spec);
        }
        return new ConnectorCatalog(m, s, j);
    }

    /** This catalog with more sources (replacing any of the same name). */
    public ConnectorCatalog withSources(SourceDescriptor... more) {
        Map<String, SourceDescriptor> s = new LinkedHashMap<>(sources);
        for (SourceDescriptor d : more) s.put(d.name(), d);
        return new ConnectorCatalog(byName, s, jobs);
    }

    /** This catalog with more scheduled jobs (replacing any of the same name). */
    public ConnectorCatalog withJobs(JobSpec... more) {
        Map<String, JobSpec> j = new LinkedHashMap<>(jobs);
        for (JobSpec spec : more) j.put(spec.name(), spec);
        return new ConnectorCatalog(byName, sources, j);
    }

    public Optional<ConnectorDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<ConnectorDescriptor> all() {
        return byName.values();
    }

    public Optional<SourceDescriptor> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Collection<SourceDescriptor> sources() {
        return sources.values();
    }

    public Optional<JobSpec> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    public Collection<JobSpec> jobs() {
        return jobs.values();
    }
}

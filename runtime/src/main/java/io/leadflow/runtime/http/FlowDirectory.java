package io.leadflow.runtime.http;

import io.leadflow.dsl.Flow;
import io.leadflow.dsl.Program;
import io.leadflow.runtime.config.Slugs;
import io.leadflow.runtime.exec.ProgramSource;
import io.leadflow.runtime.pull.PullSpec;
import io.leadflow.spi.ConnectorCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the flow a URL names: by its exact (URL-decoded) name or by slug ({@code horoshop-orders}).
 * The slug index is rebuilt once per program, not per request; so is the list of pulled flows
 * (read by the runtime from an API: they have no intake).
 */
public final class FlowDirectory {
    private final ProgramSource programs;
    private final ConnectorCatalog catalog;
    private volatile Index index;

    private record Index(Program program, Map<String, Flow> byKey, Map<String, String> slugByName, Map<String, PullSpec> pulled) { }

    public FlowDirectory(ProgramSource programs) {
        this(programs, ConnectorCatalog.discover());
    }

    public FlowDirectory(ProgramSource programs, ConnectorCatalog catalog) {
        this.programs = programs;
        this.catalog = catalog;
    }

    /** What the runtime reads for this flow when it is a pulled one ({@code from retailcrm.orders_history(…)}, {@code horoshop.orders(poll: …)}). */
    public Optional<PullSpec> pulled(Flow flow) {
        Index i = index();
        return i == null ? Optional.empty() : Optional.ofNullable(i.pulled().get(flow.name()));
    }

    public Optional<Flow> find(String urlName) {
        Index i = index();
        if (i == null || urlName == null) return Optional.empty();
        Flow f = i.byKey().get(urlName);
        return f != null ? Optional.of(f) : Optional.ofNullable(i.byKey().get(Slugs.of(urlName)));
    }

    /** The flow's slug: its source name in secrets and metrics, and its intake URL. */
    public String slug(Flow flow) {
        Index i = index();
        String s = i == null ? null : i.slugByName().get(flow.name());
        return s != null ? s : Slugs.of(flow.name());
    }

    private Index index() {
        Program p = programs.current();
        if (p == null) return null;
        Index i = index;
        if (i != null && i.program() == p) return i;
        Map<String, Flow> byKey = new HashMap<>();
        Map<String, String> slugs = new HashMap<>();
        Map<String, PullSpec> pulled = new HashMap<>();
        for (Flow f : p.flows()) {
            String slug = Slugs.of(f.name());
            byKey.putIfAbsent(slug, f);
            slugs.put(f.name(), slug);
            PullSpec.of(f, catalog).ifPresent(spec -> pulled.put(f.name(), spec));
        }
        for (Flow f : p.flows()) byKey.put(f.name(), f);
        i = new Index(p, Map.copyOf(byKey), Map.copyOf(slugs), Map.copyOf(pulled));
        index = i;
        return i;
    }

    public Program current() {
        return programs.current();
    }

    public ProgramSource programs() {
        return programs;
    }
}

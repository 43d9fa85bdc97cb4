package io.leadflow.spi.source;

import io.leadflow.spi.ArgSpec;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The generic HTTP source: a site form or checkout posts JSON or a form-encoded body to the intake.
 * Any kind name labels the form ({@code site.checkout}, {@code site.callback}); its fields are open
 * unless the flow declares them with {@code fields …}. It has no event id of its own: a flow names
 * one with {@code dedupe by …}.
 */
public final class SiteSource {
    private SiteSource() { }

    public static final SourceDescriptor DESCRIPTOR = new SourceDescriptor("site", "Site form (generic HTTP)", List.of(),
            new SourceKind("form", Set.of(Arrival.WEBHOOK), SenderAuth.INTAKE_TOKEN, List.of(ArgSpec.account()),
                    PayloadSchema.anyFields(), List.of(), Duration.ofDays(1),
                    "a site form or checkout; fields as the site posts them (declare them with `fields` to have them checked)")
                    .withSample(SourceSample.json("{\"name\": \"Olena\", \"phone\": \"+380671234567\", \"email\": \"olena@example.com\","
                            + " \"comment\": \"Please call me back\"}")));
}

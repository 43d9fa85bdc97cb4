package io.leadflow.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.spi.ConnectorCatalog;
import io.leadflow.spi.source.Arrival;
import io.leadflow.spi.source.SourceDescriptor;
import io.leadflow.spi.source.SourceKind;
import io.leadflow.spi.source.SourceSample;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pushed source kind of the catalog has a sample lead (the banner's {@code curl}) whose
 * fields are names of the kind's own payload schema, in its sender's content type.
 */
class SourceSampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPushedKind_hasASampleOfItsOwnPayload() throws Exception {
        List<String> problems = new ArrayList<>();
        int samples = 0;
        for (SourceDescriptor d : ConnectorCatalog.discover().sources()) {
            List<SourceKind> kinds = new ArrayList<>(d.kinds());
            if (d.anyKind() != null) kinds.add(d.anyKind());
            for (SourceKind k : kinds) {
                if (!k.canArrive(Arrival.WEBHOOK)) continue;
                String who = d.name() + "." + k.name();
                if (k.pushedSample().isEmpty()) {
                    problems.add(who + " has no sample");
                    continue;
                }
                samples++;
                SourceSample s = k.pushedSample().get();
                List<String> names = new ArrayList<>();
                if (s.contentType().equals(SourceSample.JSON)) {
                    JsonNode body = JSON.readTree(s.body());
                    body.fieldNames().forEachRemaining(names::add);
                } else {
                    assertEquals(SourceSample.FORM, s.contentType(), who);
                    for (String pair : s.body().split("&")) names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
                }
                if (k.payload().open()) continue;
                for (String n : names) if (k.payload().field(n).isEmpty()) problems.add(who + ": sample field '" + n + "' is not in its payload");
            }
        }
        assertTrue(samples >= 7, "samples: " + samples);
        assertEquals(List.of(), problems);
    }
}

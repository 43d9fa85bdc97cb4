package io.leadflow.runtime.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.runtime.reload.ReloadReport;
import java.util.Locale;

/** The last reload's outcome as {@code GET /v1/flows} shows it. */
public final class ReloadJson {
    private ReloadJson() { }

    public static ObjectNode of(ReloadReport r) {
        if (r == null) return null;
        ObjectNode o = Responses.JSON.createObjectNode();
        o.put("at", r.at().toString()).put("ok", r.ok()).put("runningVersion", r.contentHash());
        ArrayNode files = o.putArray("files");
        r.files().forEach(files::add);
        ArrayNode diags = o.putArray("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
            diags.addObject().put("severity", d.severity().name().toLowerCase(Locale.ROOT)).put("code", d.code().name())
                    .put("message", d.message()).put("at", d.span().at());
        }
        ArrayNode refused = o.putArray("refused");
        r.refused().forEach(refused::add);
        o.put("rendered", r.rendered());
        return o;
    }
}

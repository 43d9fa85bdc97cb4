package io.leadflow.runtime.http;

import io.leadflow.runtime.journal.Journal;
import io.leadflow.runtime.journal.LeadQuery;
import io.leadflow.runtime.journal.LeadSummary;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /}: a read-only HTML list of the 50 most recent leads. It shows no raw fields
 * (no PII): id, flow, status, times and reason; the full record is behind the admin API.
 */
public final class LeadPage {
    private final Journal journal;

    public LeadPage(Journal journal) {
        this.journal = journal;
    }

    public void handlePage(RoutingContext ctx) {
        journal.list(LeadQuery.all(50)).onComplete(ar -> {
            StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>Leadflow</title>"
                    + "<style>body{font:14px sans-serif;margin:2em}td,th{padding:2px 10px;text-align:left}"
                    + ".dead{color:#b00}.done{color:#070}</style></head><body><h1>Leadflow: recent leads</h1>"
                    + "<p>Full records: <code>GET /v1/leads/{id}</code> with the admin token. Rules: <code>GET /v1/flows</code>.</p>");
            if (ar.failed()) {
                b.append("<p class=dead>The registry could not be read.</p>");
            } else {
                b.append(table(ar.result()));
            }
            ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(b.append("</body></html>").toString());
        });
    }

    private static String table(List<LeadSummary> rows) {
        StringBuilder b = new StringBuilder("<table><tr><th>received</th><th>id</th><th>flow</th><th>status</th><th>reason</th></tr>");
        for (LeadSummary s : rows) {
            String st = s.status().name().toLowerCase(Locale.ROOT);
            b.append("<tr class=").append(st).append("><td>").append(s.receivedAt()).append("</td><td>").append(esc(s.leadId()))
                    .append("</td><td>").append(esc(s.flow())).append("</td><td>").append(st).append("</td><td>")
                    .append(esc(s.reason())).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

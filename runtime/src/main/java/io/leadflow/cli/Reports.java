package io.leadflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.testing.PropertyOutcome;
import io.leadflow.dsl.testing.TestOutcome;
import io.leadflow.dsl.testing.TestReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable results for the CI that checks rule files in git: diagnostics as JSON (path,
 * line, column, code, message) and test results as JUnit XML, the format CI servers display.
 */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() { }

    /** {@code {"ok", "files", "flows", "errors", "warnings", "diagnostics": [{path, line, column, endLine, endColumn, severity, code, message}]}}. */
    static String diagnosticsJson(CompileResult r, boolean ok) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", ok);
        root.put("files", r.sources().size());
        root.put("flows", r.program().map(p -> p.flows().size()).orElse(0));
        root.put("errors", count(r.diagnostics(), Diagnostic.Severity.ERROR));
        root.put("warnings", count(r.diagnostics(), Diagnostic.Severity.WARNING));
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
            ObjectNode o = list.addObject();
            o.put("path", d.span().file());
            o.put("line", d.span().line());
            o.put("column", d.span().column());
            o.put("endLine", d.span().endLine());
            o.put("endColumn", d.span().endColumn());
            o.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            o.put("code", d.code().toString());
            o.put("message", d.message());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(List<Diagnostic> ds, Diagnostic.Severity s) {
        return ds.stream().filter(d -> d.severity() == s).count();
    }

    /**
     * One {@code <testsuite>} per rule file, one {@code <testcase>} per test (its name, its
     * {@code file:line:col}), a {@code <failure>} with the report's text for a failed one; the
     * properties (built-in and the files' {@code property} blocks) in a suite of their own; a rule
     * set that does not compile is one failed case named "compile" holding the diagnostics.
     */
    static String junitXml(TestReport report) {
        Map<String, List<TestOutcome>> byFile = new LinkedHashMap<>();
        for (TestOutcome o : report.outcomes()) byFile.computeIfAbsent(file(o.at()), k -> new java.util.ArrayList<>()).add(o);
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = report.outcomes().size() + report.properties().size() + (report.compileErrors().isEmpty() ? 0 : 1);
        b.append("<testsuites name=\"leadflow\" tests=\"").append(tests).append("\" failures=\"").append(report.failed()).append("\">\n");
        if (!report.compileErrors().isEmpty()) {
            b.append("  <testsuite name=\"compile\" tests=\"1\" failures=\"1\">\n")
                    .append("    <testcase classname=\"compile\" name=\"the rule files compile\">\n")
                    .append("      <failure message=\"the rule files do not compile\">").append(xml(report.compileErrors())).append("</failure>\n")
                    .append("    </testcase>\n  </testsuite>\n");
        }
        for (var e : byFile.entrySet()) {
            long failures = e.getValue().stream().filter(o -> !o.passed()).count();
            b.append("  <testsuite name=\"").append(attr(e.getKey())).append("\" tests=\"").append(e.getValue().size())
                    .append("\" failures=\"").append(failures).append("\">\n");
            for (TestOutcome o : e.getValue()) {
                b.append("    <testcase classname=\"").append(attr(e.getKey())).append("\" name=\"").append(attr(o.name()))
                        .append("\" file=\"").append(attr(e.getKey())).append("\" line=\"").append(line(o.at())).append('"');
                if (o.passed()) {
                    b.append("/>\n");
                    continue;
                }
                b.append(">\n      <failure message=\"").append(attr(o.failures().get(0))).append("\">")
                        .append(xml(o.render())).append("</failure>\n    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        if (!report.properties().isEmpty()) {
            b.append("  <testsuite name=\"properties\" tests=\"").append(report.properties().size()).append("\" failures=\"")
                    .append(report.propertiesBroken()).append("\">\n");
            for (PropertyOutcome p : report.properties()) {
                String file = file(p.at());
                b.append("    <testcase classname=\"").append(attr(file)).append("\" name=\"").append(attr(p.title()))
                        .append("\" file=\"").append(attr(file)).append("\" line=\"").append(line(p.at())).append('"');
                if (p.held()) {
                    b.append("/>\n");
                    continue;
                }
                b.append(">\n      <failure message=\"").append(attr(p.detail())).append("\">").append(xml(p.render()))
                        .append("</failure>\n    </testcase>\n");
            }
            b.append("  </testsuite>\n");
        }
        return b.append("</testsuites>\n").toString();
    }

    /** {@code file} of {@code file:line:col} (a file name may itself hold a colon). */
    static String file(String at) {
        int col = at.lastIndexOf(':');
        int line = col > 0 ? at.lastIndexOf(':', col - 1) : -1;
        return line > 0 ? at.substring(0, line) : at;
    }

    static String line(String at) {
        int col = at.lastIndexOf(':');
        int line = col > 0 ? at.lastIndexOf(':', col - 1) : -1;
        return line > 0 ? at.substring(line + 1, col) : "0";
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    // XML 1.0 has no way to write most control characters; keep tab and newline.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append('?');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static String attr(String s) {
        return xml(s).replace("\n", "&#10;");
    }
}

package io.leadflow.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    static final String EXAMPLE = "../examples/site-form-baselinker/orders.flow";

    record Run(int code, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void check_exitsZero_onACleanFile() {
        Run r = run("check", EXAMPLE);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ok: 1 file, 1 flow"), r.out());
    }

    @Test
    void check_reportsEveryError_withCarets_andExitsOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.flow");
        Files.writeString(f, "flow \"x\" {\n  from site.a\n  to baselinker\n  order { phone <- lowr(lead.p)  email <- nope }\n}\n");
        Run r = run("check", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.flow:4:20: error LF202: unknown function 'lowr'; did you mean 'lower'?"), r.err());
        assertTrue(r.err().contains("bad.flow:4:43: error LF201: unknown name 'nope'"), r.err());
        assertTrue(r.err().contains("\n                                          ^^^^\n"), r.err());
        assertTrue(r.err().contains("2 errors in 1 file"), r.err());
    }

    @Test
    void check_saysSo_whenADirectoryHasNoRuleFiles(@TempDir Path dir) {
        Run r = run("check", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("LF204: no rule files (*.flow) under"), r.err());
    }

    @Test
    void map_printsThePayloads() throws Exception {
        Run r = run("map", EXAMPLE, "--flow", "site checkout", "--lead", "../examples/site-form-baselinker/lead.json");
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(Path.of("../examples/site-form-baselinker/lead.out.json")), r.out());
    }

    @Test
    void map_explainsAnUnknownFlow_andBadJson(@TempDir Path dir) throws Exception {
        Run r = run("map", EXAMPLE, "--flow", "nope", "--lead", "../examples/site-form-baselinker/lead.json");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no flow \"nope\""), r.err());
        Path bad = dir.resolve("lead.json");
        Files.writeString(bad, "{ not json");
        r = run("map", EXAMPLE, "--flow", "site checkout", "--lead", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not a readable JSON lead"), r.err());
    }

    @Test
    void graph_printsDotAndMermaid() {
        Run dot = run("graph", EXAMPLE);
        assertEquals(0, dot.code(), dot.err());
        assertTrue(dot.out().startsWith("digraph \"site checkout\""), dot.out());
        assertTrue(dot.out().contains("-> dropped [label=\"empty cart\"]"), dot.out());
        Run mermaid = run("graph", EXAMPLE, "--flow", "site checkout", "--format", "mermaid");
        assertEquals(0, mermaid.code(), mermaid.err());
        assertTrue(mermaid.out().startsWith("flowchart TD"), mermaid.out());
        assertEquals(2, run("graph", EXAMPLE, "--format", "png").code());
    }

    @Test
    void fmt_checkFlagsUnformatted_thenFormats(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.flow");
        Files.writeString(f, "# keep me\nlet   x =  1+2   # and me\n");
        Run check = run("fmt", "--check", f.toString());
        assertEquals(1, check.code());
        assertTrue(check.err().contains("not formatted: " + f), check.err());
        assertEquals(0, run("fmt", f.toString()).code());
        assertEquals("# keep me\nlet x = 1 + 2  # and me\n", Files.readString(f));
        assertEquals(0, run("fmt", "--check", f.toString()).code());
    }

    @Test
    void check_json_givesPathLineColumnCodeAndMessage_ofEveryDiagnostic(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.flow"), "flow \"x\" {\n  from site.a\n  to baselinker\n  order { phone <- lowr(lead.p)  email <- nope }\n}\n");
        Run r = run("check", "--format", "json", dir.toString());
        assertEquals(1, r.code(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(2, json.get("errors").asInt());
        var first = json.get("diagnostics").get(0);
        assertTrue(first.get("path").asText().endsWith("bad.flow"), first.toString());
        assertEquals(4, first.get("line").asInt());
        assertEquals(20, first.get("column").asInt());
        assertEquals("LF202", first.get("code").asText());
        assertEquals("error", first.get("severity").asText());
        assertTrue(first.get("message").asText().contains("did you mean 'lower'"), first.toString());
        assertEquals("", r.err());
    }

    @Test
    void check_strict_failsOnWarnings_thatPlainCheckAccepts(@TempDir Path dir) throws Exception {
        // No rule reads phone.valid: LF520 is a warning.
        Files.writeString(dir.resolve("warn.flow"), "flow \"x\" {\n  from site.a\n  to keycrm\n  phone lead.p\n"
                + "  find contact by phone\n  when contact -> create deal\n  otherwise -> create contact, create deal\n"
                + "  contact { full_name <- lead.n  phone <- phone }\n  deal { title <- \"t\" }\n}\n");
        Run plain = run("check", dir.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.err().contains("warning LF520"), plain.err());
        Run strict = run("check", "--strict", dir.toString());
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().contains("1 warning in 1 file (--strict: warnings are errors)"), strict.err());
        Run json = run("check", "--strict", "--format", "json", dir.toString());
        assertEquals(1, json.code());
        assertTrue(json.out().contains("\"ok\" : false"), json.out());
        assertTrue(json.out().contains("\"code\" : \"LF520\""), json.out());
    }

    @Test
    void test_junit_writesOneCasePerTest_withFailuresAndLines(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.flow"), "flow \"x\" {\n  from site.a\n  to baselinker\n  order { email <- lead.e }\n}\n"
                + "test \"passes\" {\n  lead { e: \"a@b.c\" }\n  expect create order { email: \"a@b.c\" }\n}\n"
                + "test \"fails <here>\" {\n  lead { e: \"a@b.c\" }\n  expect create order { email: \"x@y.z\" }\n}\n");
        Run r = run("test", "--format", "junit", "--tries", "0", dir.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"leadflow\" tests=\"2\" failures=\"1\">"), r.out());
        assertTrue(r.out().contains("name=\"passes\""), r.out());
        assertTrue(r.out().contains("name=\"fails &lt;here&gt;\""), r.out());
        assertTrue(r.out().contains("line=\"10\""), r.out());
        assertEquals(1, r.out().split("<failure ", -1).length - 1, r.out());
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(2, doc.getElementsByTagName("testcase").getLength());
        // With the built-in properties (the email field can be longer than Baselinker's 150 characters).
        Run withProperties = run("test", "--format", "junit", "--seed", "1", dir.toString());
        assertTrue(withProperties.out().contains("<testsuite name=\"properties\" tests=\"1\" failures=\"1\">"), withProperties.out());
        assertTrue(withProperties.out().contains("name=\"built-in properties of &quot;x&quot;\""), withProperties.out());
        assertTrue(withProperties.out().contains("holds at most 150 characters"), withProperties.out());
    }

    @Test
    void test_junit_reportsACompileFailure_asAFailedCase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.flow"), "flow \"x\" {\n  from site.a\n  to baselinker\n  order { email <- nope }\n}\n");
        Run r = run("test", "--format", "junit", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("<testcase classname=\"compile\""), r.out());
        assertTrue(r.out().contains("LF201"), r.out());
    }
}

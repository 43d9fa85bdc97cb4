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
}

package io.leadflow.runtime.testkit;

import io.leadflow.dsl.CompileResult;
import io.leadflow.dsl.Diagnostic;
import io.leadflow.dsl.Flow;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.runtime.reload.RuleCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the dsl compiler: each file is one flow named after the file (orders.flow →
 * "orders"), target baselinker/main, or, when the file says "deliver", the executor's stub flow
 * (contact + deal at connector "fake"); a file containing the word BROKEN is a compile error
 * (LF101 at its line). The content hash changes with any file's text.
 */
public final class StubCompiler implements RuleCompiler {
    @Override
    public CompileResult compile(List<Path> files) {
        List<Flow> flows = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        StringBuilder all = new StringBuilder();
        for (Path p : files) {
            String text;
            try {
                text = Files.readString(p);
            } catch (IOException e) {
                diags.add(new Diagnostic(Diagnostic.Severity.ERROR, io.leadflow.dsl.DiagnosticCode.LF204, "cannot read: " + e.getMessage(), new SourceSpan(p.toString(), 1, 1, 1, 1)));
                continue;
            }
            sources.put(p.toString(), text);
            all.append(p).append('\0').append(text).append('\0');
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                int col = lines[i].indexOf("BROKEN");
                if (col >= 0) diags.add(new Diagnostic(Diagnostic.Severity.ERROR, io.leadflow.dsl.DiagnosticCode.LF101, "unexpected BROKEN", new SourceSpan(p.toString(), i + 1, col + 1, i + 1, col + 7)));
            }
            String name = p.getFileName().toString().replaceFirst("\\.flow$", "");
            // "deliver" in the file: a flow that makes a contact and a deal at connector "fake" (the executor's stub flow).
            flows.add(text.contains("deliver") ? new io.leadflow.runtime.exec.StubFlow(name, java.time.Duration.ZERO, "t2")
                    : new StubFlow(name, "baselinker", "main"));
        }
        if (!diags.isEmpty()) return new CompileResult(Optional.empty(), diags, sources);
        String hash = Integer.toHexString(all.toString().hashCode()) + "0000000000000000";
        return new CompileResult(Optional.of(new StubProgram(flows, hash)), diags, sources);
    }
}

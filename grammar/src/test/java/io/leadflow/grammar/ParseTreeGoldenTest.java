package io.leadflow.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code golden/*.flow} parses to exactly the tree in its {@code .tree} file (indented,
 * rule names and alternative labels), or, for files with syntax errors, to the errors in its
 * {@code .errors} file ({@code line:col} per line). A {@code .tree} case must parse without a
 * syntax error; an {@code .errors} case must have one. Run with {@code -Dgolden.update=true} to rewrite.
 */
class ParseTreeGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/io/leadflow/grammar/golden");

    @TestFactory
    Stream<DynamicTest> parseTrees_matchTheGoldenFiles() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(DIR)) {
            inputs = s.filter(p -> p.toString().endsWith(".flow")).sorted().toList();
        }
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        LeadflowLexer lexer = new LeadflowLexer(CharStreams.fromPath(input));
        LeadflowParser parser = new LeadflowParser(new CommonTokenStream(lexer));
        List<String> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object o, int line, int col, String msg, RecognitionException e) {
                errors.add(line + ":" + (col + 1));
            }
        };
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(collect);
        parser.addErrorListener(collect);
        ParseTree tree = parser.file();
        String base = input.toString().substring(0, input.toString().length() - ".flow".length());
        boolean expectErrors = Files.exists(Path.of(base + ".errors"));
        Path golden = Path.of(base + (expectErrors || !errors.isEmpty() && !Files.exists(Path.of(base + ".tree")) ? ".errors" : ".tree"));
        boolean errorCase = golden.toString().endsWith(".errors");
        // A tree golden pins a case that parses cleanly: the parser's recovery also yields a tree, so the
        // tree alone would not show a syntax error; an errors golden must hold at least one error.
        if (errorCase) assertFalse(errors.isEmpty(), input + " has an .errors golden but parsed without errors");
        else assertEquals(List.of(), errors, input + " must parse without syntax errors");
        String actual = errorCase ? String.join("\n", errors) + "\n" : render(tree, parser);
        if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual);
        assertEquals(Files.readString(golden), actual, input.toString());
    }

    static String render(ParseTree tree, LeadflowParser parser) {
        StringBuilder b = new StringBuilder();
        render(tree, parser, 0, b);
        return b.toString();
    }

    private static void render(ParseTree t, LeadflowParser parser, int depth, StringBuilder b) {
        b.append("  ".repeat(depth));
        if (t instanceof TerminalNode n) {
            b.append(LeadflowLexer.VOCABULARY.getSymbolicName(n.getSymbol().getType())).append(' ')
                    .append(n.getText().replace("\n", "\\n")).append('\n');
            return;
        }
        String cls = t.getClass().getSimpleName().replace("Context", "");
        String rule = parser.getRuleNames()[((org.antlr.v4.runtime.ParserRuleContext) t).getRuleIndex()];
        b.append(rule);
        if (!cls.equalsIgnoreCase(rule)) b.append(" #").append(Character.toLowerCase(cls.charAt(0))).append(cls.substring(1));
        b.append('\n');
        for (int i = 0; i < t.getChildCount(); i++) render(t.getChild(i), parser, depth + 1, b);
    }
}

package io.leadflow.dsl.parse;

import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.ImportDecl;
import io.leadflow.dsl.ast.RuleFile;
import io.leadflow.dsl.diag.Diagnostics;
import io.leadflow.grammar.LeadflowLexer;
import io.leadflow.grammar.LeadflowParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/** Text to AST. Every syntax error goes to the sink; the AST is built only when there was none. */
public final class RuleParser {
    private RuleParser() { }

    public static ParsedFile parse(String path, String text, Diagnostics sink) {
        Spans spans = new Spans(path);
        LeadflowLexer lexer = new LeadflowLexer(CharStreams.fromString(text, path));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SyntaxErrors errors = new SyntaxErrors(spans, sink);
        LeadflowParser parser = parser(lexer, tokens, errors);
        LeadflowParser.FileContext tree = parser.file();
        List<Comment> comments = comments(tokens);
        if (errors.count() > 0) {
            // The tree is broken so no AST, but string templates are checked anyway: every error at once.
            Templates templates = new Templates(spans, sink);
            for (Token t : tokens.getTokens()) if (t.getType() == LeadflowLexer.STRING) templates.parse(t);
            return new ParsedFile(path, text, Optional.empty(), comments);
        }
        ExprBuilder exprs = new ExprBuilder(spans, sink);
        DeclBuilder decls = new DeclBuilder(spans, exprs);
        List<ImportDecl> imports = tree.importDecl().stream()
                .map(i -> new ImportDecl(StringLiterals.unquote(((LeadflowParser.ImportFileContext) i).STRING().getText()), spans.of(i)))
                .toList();
        RuleFile file = new RuleFile(path, imports, tree.topDecl().stream().map(decls::visit).toList(),
                new SourceSpan(path, 1, 1, 1, 1));
        return new ParsedFile(path, text, Optional.of(file), comments);
    }

    /** A parser whose lexer and parser report into {@code errors} instead of the console. */
    static LeadflowParser parser(LeadflowLexer lexer, CommonTokenStream tokens, SyntaxErrors errors) {
        LeadflowParser parser = new LeadflowParser(tokens);
        lexer.removeErrorListeners();
        parser.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.addErrorListener(errors);
        return parser;
    }

    private static List<Comment> comments(CommonTokenStream tokens) {
        tokens.fill();
        List<Comment> out = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == LeadflowLexer.COMMENT) out.add(new Comment(t.getText(), t.getLine(), t.getCharPositionInLine() + 1));
        }
        return out;
    }
}

/** The generated ANTLR lexer and parser; read only by the dsl module. */
module io.leadflow.grammar {
    requires transitive org.antlr.antlr4.runtime;

    exports io.leadflow.grammar to io.leadflow.dsl;
}

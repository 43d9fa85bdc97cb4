/**
 * The rule language. Its API is {@code io.leadflow.dsl} (compile rule files into a
 * {@link io.leadflow.dsl.Program}, or get every {@link io.leadflow.dsl.Diagnostic}; run a flow
 * over a lead) {@code io.leadflow.dsl.testing} (run a folder's rule tests) and {@code io.leadflow.dsl.explain}
 * (the trace of one lead). Every other
 * package is the compiler's inside; the runtime's ArchitectureTest fails a build whose
 * runtime, connectors or examples reach into one.
 */
module io.leadflow.dsl {
    requires transitive io.leadflow.spi;
    requires transitive com.fasterxml.jackson.databind;
    requires io.leadflow.grammar;
    requires org.antlr.antlr4.runtime;
    requires com.google.i18n.phonenumbers.libphonenumber;
    requires re2j;
    requires org.objectweb.asm;

    exports io.leadflow.dsl;
    exports io.leadflow.dsl.explain;
    exports io.leadflow.dsl.testing;
}

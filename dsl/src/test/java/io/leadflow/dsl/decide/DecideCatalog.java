package io.leadflow.dsl.decide;

import io.leadflow.dsl.Leadflow;
import io.leadflow.dsl.LeadflowCompiler;
import io.leadflow.dsl.TestCatalog;

/** The compiler the decisions tests use: the shared test catalog (Baselinker, KeepinCRM-, RetailCRM-, KeyCRM-like). */
final class DecideCatalog {
    private DecideCatalog() { }

    static LeadflowCompiler compiler() {
        return Leadflow.compiler(TestCatalog.catalog());
    }

    /** For the examples folder ({@link TestCatalog#examples}). */
    static LeadflowCompiler examples() {
        return Leadflow.compiler(TestCatalog.examples());
    }
}

package io.leadflow.dsl.ast;

import java.util.List;
import java.util.Optional;

/** A mapping block: the fields of one CRM entity. */
public sealed interface MappingStmt extends FlowStmt permits EntityBlockStmt, ListBlockStmt {
    /** The block name as written ({@code contact}, {@code order}, {@code products}). */
    String entity();

    Optional<UpdateMode> mode();

    List<AssignStmt> fields();
}

package io.leadflow.dsl.compile;

import io.leadflow.dsl.ast.Node;

/**
 * What a name in an expression stands for.
 *
 * @param decl the declaration (a LetDecl, TableDecl, TemplateDecl, PhoneStmt, ListBlockStmt …), null for {@code lead}
 * @param slot for {@link Kind#SLOT}: the index of the value in the lead's environment
 */
public record Symbol(Kind kind, String name, Node decl, int slot) {

    public enum Kind {
        /** The incoming lead. */
        LEAD,
        /** A top-level {@code let}: computed where it is used. */
        GLOBAL_LET,
        TABLE,
        TEMPLATE,
        MANAGERS,
        /** A value stored per lead: a flow {@code let}, the normalised phone, a loop variable, a found record. */
        SLOT,
        /** A template parameter while its body is checked or expanded. */
        PARAM
    }

    public static Symbol of(Kind kind, String name, Node decl) {
        return new Symbol(kind, name, decl, -1);
    }
}

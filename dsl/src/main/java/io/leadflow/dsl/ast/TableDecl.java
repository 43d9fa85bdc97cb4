package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.util.List;
import java.util.Optional;

/** {@code table statuses { "new" -> 1, default -> 0 }} (L8). */
public record TableDecl(String name, List<TableEntry> entries, SourceSpan span) implements TopDecl {
    public TableDecl {
        entries = List.copyOf(entries);
    }

    public Optional<TableEntry> defaultEntry() {
        return entries.stream().filter(TableEntry::isDefault).findFirst();
    }
}

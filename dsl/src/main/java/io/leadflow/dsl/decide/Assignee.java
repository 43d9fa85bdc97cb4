package io.leadflow.dsl.decide;

import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.managers.ManagerCollection;

/** Who a rule's records go to: nobody named (the CRM's default), a collection's pick, or a value ({@code deal.manager}, {@code 101}). */
sealed interface Assignee {
    record Nobody() implements Assignee { }

    /** @param except the collection's {@code except when} (true excludes the manager in the {@code manager} slot), or null */
    record FromCollection(ManagerCollection collection, Eval except) implements Assignee { }

    record Direct(Eval value, String text) implements Assignee { }
}

package io.leadflow.dsl.compile;

/**
 * One compiler pass. Phases run in order; the compiler stops after a phase that reported an
 * error, so a phase may assume every earlier phase was clean.
 */
public interface Phase {
    /** A short stable name ({@code resolve-names}) used to place other phases before or after it. */
    String name();

    void run(CompileContext ctx);
}

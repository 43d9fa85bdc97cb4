package io.leadflow.dsl.compile;

import java.util.Optional;

/** Where rule files come from: the file system, or a map of sources in tests and the editor. */
public interface SourceLoader {

    /** The text of the file at {@code path}, or empty when there is none (or it cannot be read). */
    Optional<String> read(String path);

    /** The path of {@code target} written in an import inside {@code from}. */
    String resolve(String from, String target);

    /** Whether an import may read {@code path} at all (inside the rules folder); checked before {@link #read}. */
    default boolean permits(String path) {
        return true;
    }
}

package io.leadflow.dsl.managers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a collection spreads leads: {@code rotate} (everyone equally) or {@code weighted} (by each manager's weight). */
public enum Strategy {
    ROTATE("rotate"), WEIGHTED("weighted");

    private final String word;

    Strategy(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Strategy> of(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(Strategy::word).toList();
    }
}

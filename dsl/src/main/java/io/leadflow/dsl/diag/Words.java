package io.leadflow.dsl.diag;

/** Small pieces of English for messages. */
public final class Words {
    private Words() { }

    /** The noun with its indefinite article by its first letter: "an agreement", "a deal", "an order". */
    public static String a(String noun) {
        boolean vowel = !noun.isEmpty() && "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0;
        return (vowel ? "an " : "a ") + noun;
    }
}

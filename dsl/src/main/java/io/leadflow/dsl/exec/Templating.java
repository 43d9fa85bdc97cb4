package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;

/** A template as alternating fixed text and holes; a null hole adds nothing (never "null"). */
final class Templating {
    private Templating() { }

    /** {@code texts[i]} comes before {@code holes[i]}; the last text follows the last hole. */
    static Eval of(String[] texts, Eval[] holes) {
        int fixed = 0;
        for (String t : texts) fixed += t.length();
        int capacity = fixed + 16 * holes.length;
        return env -> {
            StringBuilder b = new StringBuilder(capacity);
            for (int i = 0; i < holes.length; i++) {
                b.append(texts[i]);
                JsonNode v = holes[i].eval(env);
                if (v != null && v.isTextual()) b.append(v.textValue()); else b.append(Values.asText(v));
            }
            b.append(texts[holes.length]);
            return TextNode.valueOf(b.toString());
        };
    }
}

package io.leadflow.dsl.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadflow.dsl.SourceSpan;
import io.leadflow.dsl.ast.UpdateMode;
import io.leadflow.dsl.eval.Env;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import java.util.LinkedHashMap;

/**
 * A mapping block, compiled: the entity key ({@code contact}, {@code deal}, {@code task},
 * {@code products}), its fields, and for {@code products} the list and the loop variable's slot.
 * A field whose value is null is left out.
 */
public record CompiledBlock(String entity, UpdateMode mode, CompiledField[] fields, Eval source, int slot, SourceSpan span) {

    public boolean perItem() {
        return source != null;
    }

    public CompiledBlock {
        fields = fields.clone();
    }

    /** The payload of an entity block (sized for every field, so it never rehashes). */
    public ObjectNode entity(Env env) {
        ObjectNode out = new ObjectNode(Values.NODES, new LinkedHashMap<>(capacity(fields.length + (perItem() ? 0 : 1))));
        for (CompiledField f : fields) {
            JsonNode v = f.value().eval(env);
            if (v != null) out.set(f.name(), v);
        }
        return out;
    }

    static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /** One payload per item of the list (none when the list is missing or not a list). */
    public ArrayNode items(Env env) {
        ArrayNode out = Values.NODES.arrayNode();
        JsonNode list = source.eval(env);
        if (list == null || !list.isArray()) return out;
        env.step(list.size(), span);
        for (JsonNode item : list) {
            env.set(slot, Values.norm(item));
            out.add(entity(env));
        }
        env.set(slot, null);
        return out;
    }
}

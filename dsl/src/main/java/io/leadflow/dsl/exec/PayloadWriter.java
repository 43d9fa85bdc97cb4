package io.leadflow.dsl.exec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.eval.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes an entity's payload straight to JSON bytes, without building the tree first: the
 * request body a connector sends. Same content as {@link FlowProgram#map} gives for the entity.
 * Immutable; the field names are encoded once.
 */
final class PayloadWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private static final SerializedString PRODUCTS = new SerializedString("products");

    private final CompiledBlock block;
    private final SerializedString[] names;
    private final CompiledBlock products;
    private final PayloadWriter productWriter;

    PayloadWriter(CompiledBlock block, CompiledBlock products) {
        this.block = block;
        this.names = new SerializedString[block == null ? 0 : block.fields().length];
        for (int i = 0; i < names.length; i++) names[i] = new SerializedString(block.fields()[i].name());
        this.products = products;
        this.productWriter = products == null ? null : new PayloadWriter(products, null);
    }

    /** Several payloads as one object, each under its name. */
    static byte[] document(Env env, SerializedString[] names, PayloadWriter[] writers) {
        return written(g -> {
            g.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                g.writeFieldName(names[i]);
                writers[i].write(env, g);
            }
            g.writeEndObject();
        });
    }

    byte[] bytes(Env env) {
        return written(g -> write(env, g));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] written(Body body) {
        ByteArrayBuilder out = new ByteArrayBuilder(JSON._getBufferRecycler()); // recycled buffers, as ObjectMapper does
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
            g.flush();
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Env env, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (block != null && block.code() != null) {
            block.code().writeFields(env, g);
        } else {
            CompiledField[] fields = block == null ? new CompiledField[0] : block.fields();
            for (int i = 0; i < fields.length; i++) {
                JsonNode v = fields[i].value().eval(env);
                if (v == null) continue;
                g.writeFieldName(names[i]);
                value(v, g);
            }
        }
        if (products != null) {
            g.writeFieldName(PRODUCTS);
            g.writeStartArray();
            JsonNode list = products.source().eval(env);
            if (list != null && list.isArray()) {
                env.step(list.size(), products.span());
                for (JsonNode item : list) {
                    env.set(products.slot(), io.leadflow.dsl.eval.Values.norm(item));
                    productWriter.write(env, g);
                }
                env.set(products.slot(), null);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    static void value(JsonNode v, JsonGenerator g) throws IOException {
        if (v.isTextual()) {
            g.writeString(v.textValue());
        } else if (v.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                g.writeFieldName(e.getKey());
                value(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v.isArray()) {
            g.writeStartArray();
            for (JsonNode e : v) value(e, g);
            g.writeEndArray();
        } else if (v.isNull() || v.isMissingNode()) {
            g.writeNull();
        } else if (v.isBoolean()) {
            g.writeBoolean(v.booleanValue());
        } else {
            v.serialize(g, null); // numbers write themselves without a provider
        }
    }
}

package io.leadflow.dsl.ast;

import io.leadflow.dsl.SourceSpan;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;

/**
 * A node's structure as text with every {@link SourceSpan} left out: two trees with the same
 * shape mean the same thing (used to check that formatting preserves meaning).
 */
public final class AstShape {
    private AstShape() { }

    public static String of(Object node) {
        StringBuilder b = new StringBuilder();
        write(node, b);
        return b.toString();
    }

    private static void write(Object o, StringBuilder b) {
        if (o instanceof Optional<?> opt) {
            if (opt.isPresent()) write(opt.get(), b); else b.append('-');
        } else if (o instanceof Collection<?> c) {
            b.append('[');
            for (Object x : c) {
                write(x, b);
                b.append(' ');
            }
            b.append(']');
        } else if (o instanceof Record r) {
            b.append(r.getClass().getSimpleName()).append('(');
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                if (rc.getType() == SourceSpan.class || rc.getName().equals("path")) continue;
                try {
                    write(rc.getAccessor().invoke(r), b);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                b.append(',');
            }
            b.append(')');
        } else if (o instanceof String s) {
            b.append('"').append(s.replace("\"", "\\\"")).append('"');
        } else if (o instanceof java.math.BigDecimal d) {
            b.append(d.stripTrailingZeros().toPlainString());
        } else {
            b.append(o);
        }
    }
}

package io.leadflow.dsl.exec;

import static org.objectweb.asm.Opcodes.*;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.dsl.ast.*;
import io.leadflow.dsl.builtin.BuiltinSpec;
import io.leadflow.dsl.builtin.Builtins;
import io.leadflow.dsl.builtin.Fn;
import io.leadflow.dsl.builtin.Param;
import io.leadflow.dsl.compile.CallArgs;
import io.leadflow.dsl.compile.CallSite;
import io.leadflow.dsl.compile.Constants;
import io.leadflow.dsl.compile.Scope;
import io.leadflow.dsl.compile.Symbol;
import io.leadflow.dsl.eval.Eval;
import io.leadflow.dsl.eval.Values;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates one hidden class per mapping block ({@link MethodHandles.Lookup#defineHiddenClassWithClassData}):
 * a static method per field whose bytecode reads paths with the field names as constants, builds
 * templates with a StringBuilder, expands user templates in place, looks up constant tables in a
 * map, calls builtins through their bound function held as a class constant, and branches for
 * {@code ?? and or}. Anything else (lists, objects, indexes, tables with computed entries) calls
 * the closure {@link ExprCompiler} builds for it, from its own call site. Every construct does what
 * its closure does ({@link CodeSupport}); the closures stay the reference and the jqwik property
 * {@code GeneratedBlocksProperties} compares both byte for byte.
 */
final class BlockCodegen {
    /** A mapped field before compilation: its name, expression and the scope it is read in. */
    record Field(String name, Expr value, Scope scope) { }

    /** A template parameter bound to its argument (null: not given), in the caller's scope and parameters. */
    private record Bound(Expr expr, Scope scope, Map<String, Bound> params) { }

    private static final String ENV = "io/leadflow/dsl/eval/Env";
    private static final String NODE = "com/fasterxml/jackson/databind/JsonNode";
    private static final String NODE_D = "L" + NODE + ";";
    private static final String SUPPORT = Type.getInternalName(CodeSupport.class);
    private static final String FIELD_DESC = "(L" + ENV + ";)" + NODE_D;
    private static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);
    private static final java.util.concurrent.atomic.AtomicLong GENERATED = new java.util.concurrent.atomic.AtomicLong();

    private final ExprCompiler exprs;
    private final Builtins builtins;
    private final List<Object> constants = new ArrayList<>();
    private final Map<Object, Integer> constantIndex = new java.util.IdentityHashMap<>();
    private MethodVisitor mv;

    private BlockCodegen(ExprCompiler exprs, Builtins builtins) {
        this.exprs = exprs;
        this.builtins = builtins;
    }

    /** How many blocks were generated in this JVM (tests check the generated path is the one that ran). */
    static long generated() {
        return GENERATED.get();
    }

    /** The block as a generated class. Throws when a method grows past the JVM's limit (the caller keeps the closures). */
    static BlockCode generate(String entity, List<Field> fields, int capacity, ExprCompiler exprs, Builtins builtins) {
        return new BlockCodegen(exprs, builtins).build(entity, fields, capacity);
    }

    private BlockCode build(String entity, List<Field> fields, int capacity) {
        String name = Type.getInternalName(BlockCode.class) + "$" + entity.replaceAll("[^A-Za-z0-9_]", "_");
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                try {
                    return super.getCommonSuperClass(a, b);
                } catch (RuntimeException | LinkageError e) {
                    return "java/lang/Object";
                }
            }

            @Override
            protected ClassLoader getClassLoader() {
                return BlockCodegen.class.getClassLoader();
            }
        };
        String base = Type.getInternalName(BlockCode.class);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, base, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, base, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        for (int i = 0; i < fields.size(); i++) {
            mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "f" + i, FIELD_DESC, null, null);
            mv.visitCode();
            gen(fields.get(i).value(), fields.get(i).scope(), Map.of());
            mv.visitInsn(ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        mv = cw.visitMethod(0, "entity", "(L" + ENV + ";)Lcom/fasterxml/jackson/databind/node/ObjectNode;", null, null);
        mv.visitCode();
        push(capacity);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "object", "(I)Lcom/fasterxml/jackson/databind/node/ObjectNode;", false);
        mv.visitVarInsn(ASTORE, 2);
        for (int i = 0; i < fields.size(); i++) {
            mv.visitVarInsn(ALOAD, 2);
            mv.visitLdcInsn(fields.get(i).name());
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, name, "f" + i, FIELD_DESC, false);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "set", "(Lcom/fasterxml/jackson/databind/node/ObjectNode;Ljava/lang/String;" + NODE_D + ")V", false);
        }
        mv.visitVarInsn(ALOAD, 2);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = cw.visitMethod(0, "writeFields", "(L" + ENV + ";Lcom/fasterxml/jackson/core/JsonGenerator;)V", null,
                new String[] {"java/io/IOException"});
        mv.visitCode();
        for (int i = 0; i < fields.size(); i++) {
            mv.visitVarInsn(ALOAD, 2);
            constant(new SerializedString(fields.get(i).name()), SerializedString.class);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, name, "f" + i, FIELD_DESC, false);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "write",
                    "(Lcom/fasterxml/jackson/core/JsonGenerator;Lcom/fasterxml/jackson/core/io/SerializedString;" + NODE_D + ")V", false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
            BlockCode code = (BlockCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
            GENERATED.incrementAndGet();
            return code;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("generated block code could not be loaded", e);
        }
    }

    // ------------------------------------------------------------------ expressions: leave one JsonNode (or null) on the stack

    private void gen(Expr e, Scope scope, Map<String, Bound> params) {
        JsonNode constant = Constants.of(e);
        if (constant != null) {
            constant(Values.norm(constant), JsonNode.class);
            return;
        }
        if (e instanceof TemplateExpr t) template(t, scope, params);
        else if (e instanceof NameExpr n) name(n, scope, params);
        else if (e instanceof MemberExpr m) member(m, scope, params);
        else if (e instanceof IndexExpr i) index(i, scope, params);
        else if (e instanceof CallExpr c) call(c, scope, params);
        else if (e instanceof NotExpr n) unary("not", n.operand(), scope, params);
        else if (e instanceof NegExpr n) unary("neg", n.operand(), scope, params);
        else if (e instanceof BinaryExpr b) binary(b, scope, params);
        else closure(e, scope, params);
    }

    /** A template's text as one piece of concatenation: literal text, or a hole's expression where it is read. */
    private record Piece(String text, Expr expr, Scope scope, Map<String, Bound> params) { }

    private static final Handle CONCAT = new Handle(H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final int MAX_CONCAT = 190; // StringConcatFactory takes at most 200 argument slots

    /**
     * A template as javac compiles string concatenation: every hole read as text, then one
     * {@code makeConcatWithConstants} call that sizes the result exactly. A hole that is itself a
     * template (a user template's body, a parameter bound to one) is flattened into this one: its
     * text is the same, without the intermediate string.
     */
    private void template(TemplateExpr t, Scope scope, Map<String, Bound> params) {
        List<Piece> pieces = new ArrayList<>();
        flatten(t, scope, params, pieces, 0);
        int holes = 0;
        int specials = 0; // \1 and \2 in the text are recipe tags: passed as constants instead
        for (Piece p : pieces) {
            if (p.text() == null) holes++;
            else for (int i = 0; i < p.text().length(); i++) if (p.text().charAt(i) <= '\u0002' && p.text().charAt(i) >= '\u0001') specials++;
        }
        if (holes == 0 || holes > MAX_CONCAT || specials > MAX_CONCAT) {
            builderTemplate(pieces);
            return;
        }
        StringBuilder recipe = new StringBuilder();
        List<Object> literals = new ArrayList<>();
        StringBuilder desc = new StringBuilder("(");
        for (Piece p : pieces) {
            if (p.text() == null) {
                gen(p.expr(), p.scope(), p.params());
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "str", "(" + NODE_D + ")Ljava/lang/String;", false);
                recipe.append('\u0001');
                desc.append("Ljava/lang/String;");
                continue;
            }
            for (int i = 0; i < p.text().length(); i++) {
                char c = p.text().charAt(i);
                if (c == '\u0001' || c == '\u0002') {
                    recipe.append('\u0002');
                    literals.add(String.valueOf(c));
                } else {
                    recipe.append(c);
                }
            }
        }
        Object[] bsmArgs = new Object[1 + literals.size()];
        bsmArgs[0] = recipe.toString();
        for (int i = 0; i < literals.size(); i++) bsmArgs[i + 1] = literals.get(i);
        mv.visitInvokeDynamicInsn("template", desc.append(")Ljava/lang/String;").toString(), CONCAT, bsmArgs);
        mv.visitMethodInsn(INVOKESTATIC, "com/fasterxml/jackson/databind/node/TextNode", "valueOf",
                "(Ljava/lang/String;)Lcom/fasterxml/jackson/databind/node/TextNode;", false);
    }

    /** The pieces of a template, nested templates in holes spliced in (to a bounded depth). */
    private void flatten(TemplateExpr t, Scope scope, Map<String, Bound> params, List<Piece> out, int depth) {
        for (TemplateExpr.Part p : t.parts()) {
            if (p instanceof TemplateExpr.Text x) {
                if (!x.text().isEmpty()) out.add(new Piece(x.text(), null, null, null));
                continue;
            }
            Expr e = ((TemplateExpr.Hole) p).expr();
            Scope s = scope;
            Map<String, Bound> ps = params;
            // a parameter bound to an expression: look through it (the closure evaluates the argument there too)
            while (e instanceof NameExpr n && ps.containsKey(n.name())
                    && s.find(n.name()).filter(sym -> sym.kind() == Symbol.Kind.PARAM).isPresent()) {
                Bound b = ps.get(n.name());
                if (b.expr() == null) break;
                e = b.expr();
                s = b.scope();
                ps = b.params();
            }
            if (depth < 8 && Constants.of(e) == null && e instanceof TemplateExpr inner) {
                flatten(inner, s, ps, out, depth + 1);
                continue;
            }
            if (depth < 8 && e instanceof CallExpr c) {
                var decl = s.find(c.name()).filter(sym -> sym.kind() == Symbol.Kind.TEMPLATE);
                if (decl.isPresent() && ((TemplateDecl) decl.get().decl()).body() instanceof TemplateExpr body) {
                    Expansion x = expand((TemplateDecl) decl.get().decl(), c, s, ps);
                    flatten(body, x.scope(), x.params(), out, depth + 1);
                    continue;
                }
            }
            out.add(new Piece(null, e, s, ps));
        }
    }

    /** The same text with a StringBuilder (more holes than one concatenation call takes). */
    private void builderTemplate(List<Piece> pieces) {
        int fixed = 0;
        int holes = 0;
        for (Piece p : pieces) {
            if (p.text() != null) fixed += p.text().length(); else holes++;
        }
        mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
        mv.visitInsn(DUP);
        push(fixed + 16 * holes);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "(I)V", false);
        for (Piece p : pieces) {
            if (p.text() != null) {
                mv.visitLdcInsn(p.text());
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
            } else {
                gen(p.expr(), p.scope(), p.params());
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "hole", "(Ljava/lang/StringBuilder;" + NODE_D + ")Ljava/lang/StringBuilder;", false);
            }
        }
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "text", "(Ljava/lang/StringBuilder;)" + NODE_D, false);
    }

    private void name(NameExpr n, Scope scope, Map<String, Bound> params) {
        Bound param = params.get(n.name());
        Symbol s = scope.find(n.name()).orElseThrow(() -> new IllegalStateException("unresolved " + n.name()));
        if (s.kind() == Symbol.Kind.PARAM && param != null) {
            bound(param);
            return;
        }
        switch (s.kind()) {
            case LEAD -> lead();
            case SLOT -> {
                slot(s.slot());
                if (s.decl() instanceof PhoneStmt) {
                    mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(PhoneValue.class), "read", "(" + NODE_D + ")" + NODE_D, false);
                }
            }
            case GLOBAL_LET -> gen(((LetDecl) s.decl()).value(), exprs.fileScope(s.decl()), Map.of());
            case TEMPLATE -> gen(((TemplateDecl) s.decl()).body(), exprs.fileScope(s.decl()), Map.of());
            default -> mv.visitInsn(ACONST_NULL);
        }
    }

    private void bound(Bound b) {
        if (b.expr() == null) mv.visitInsn(ACONST_NULL); else gen(b.expr(), b.scope(), b.params());
    }

    private void lead() {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENV, "lead", "()" + NODE_D, false);
    }

    private void slot(int slot) {
        mv.visitVarInsn(ALOAD, 0);
        push(slot);
        mv.visitMethodInsn(INVOKEVIRTUAL, ENV, "slot", "(I)" + NODE_D, false);
    }

    private void member(MemberExpr m, Scope scope, Map<String, Bound> params) {
        List<String> names = new ArrayList<>();
        Expr target = m;
        while (target instanceof MemberExpr mm) {
            names.add(0, mm.name());
            target = mm.target();
        }
        Symbol root = target instanceof NameExpr n && !params.containsKey(n.name()) ? scope.find(n.name()).orElse(null) : null;
        if (root != null && root.kind() == Symbol.Kind.LEAD) lead();
        else if (root != null && root.kind() == Symbol.Kind.SLOT) slot(root.slot()); // the raw slot: phone.raw of an invalid phone
        else gen(target, scope, params);
        for (String name : names) {
            mv.visitLdcInsn(name);
            mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "get", "(" + NODE_D + "Ljava/lang/String;)" + NODE_D, false);
        }
    }

    private void index(IndexExpr i, Scope scope, Map<String, Bound> params) {
        Symbol table = i.target() instanceof NameExpr n ? scope.find(n.name()).filter(s -> s.kind() == Symbol.Kind.TABLE).orElse(null) : null;
        if (table == null) {
            closure(i, scope, params);
            return;
        }
        Map<String, JsonNode> entries = new HashMap<>();
        JsonNode fallback = null;
        for (TableEntry e : ((TableDecl) table.decl()).entries()) {
            JsonNode v = Constants.of(e.value());
            if (v == null) {
                closure(i, scope, params); // an entry computed from the lead: the closure's table
                return;
            }
            if (e.isDefault()) fallback = Values.norm(v); else entries.putIfAbsent(Constants.key(Constants.of(e.key().get())), Values.norm(v));
        }
        constant(java.util.Collections.unmodifiableMap(entries), Map.class);
        gen(i.index(), scope, params);
        constant(fallback, JsonNode.class);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "table", "(Ljava/util/Map;" + NODE_D + NODE_D + ")" + NODE_D, false);
    }

    private void call(CallExpr c, Scope scope, Map<String, Bound> params) {
        var template = scope.find(c.name()).filter(s -> s.kind() == Symbol.Kind.TEMPLATE);
        if (template.isPresent()) {
            Expansion x = expand((TemplateDecl) template.get().decl(), c, scope, params);
            gen(x.body(), x.scope(), x.params());
            return;
        }
        BuiltinSpec spec = builtins.find(c.name()).orElseThrow();
        Expr[] args = CallArgs.arrange(c.name(), spec.params().stream().map(Param::name).toList(), spec.minArgs(), spec.variadic(),
                c.args(), c.span(), null);
        Fn fn = spec.binder().bind(new CallSite(args, c.span(), null));
        constant(fn, Fn.class);
        push(args.length);
        mv.visitTypeInsn(ANEWARRAY, NODE);
        for (int i = 0; i < args.length; i++) {
            mv.visitInsn(DUP);
            push(i);
            if (args[i] == null) mv.visitInsn(ACONST_NULL); else gen(args[i], scope, params);
            mv.visitInsn(AASTORE);
        }
        mv.visitVarInsn(ALOAD, 0);
        constant(c.span(), io.leadflow.dsl.SourceSpan.class);
        mv.visitLdcInsn(c.name());
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "call", "(Lio/leadflow/dsl/builtin/Fn;[" + NODE_D + "L" + ENV
                + ";Lio/leadflow/dsl/SourceSpan;Ljava/lang/String;)" + NODE_D, false);
    }

    /** A user template's body with its parameters bound to the call's arguments, as Calls expands it. */
    private record Expansion(Expr body, Scope scope, Map<String, Bound> params) { }

    private Expansion expand(TemplateDecl t, CallExpr c, Scope scope, Map<String, Bound> params) {
        Expr[] args = CallArgs.arrange(c.name(), t.params(), t.params().size(), false, c.args(), c.span(), null);
        Map<String, Bound> bound = new HashMap<>();
        for (int i = 0; i < t.params().size(); i++) bound.put(t.params().get(i), new Bound(args[i], scope, params));
        Scope body = exprs.fileScope(t);
        for (String p : t.params()) body = body.with(Symbol.of(Symbol.Kind.PARAM, p, t));
        return new Expansion(t.body(), body, bound);
    }

    private void unary(String helper, Expr operand, Scope scope, Map<String, Bound> params) {
        gen(operand, scope, params);
        mv.visitMethodInsn(INVOKESTATIC, SUPPORT, helper, "(" + NODE_D + ")" + NODE_D, false);
    }

    private void binary(BinaryExpr b, Scope scope, Map<String, Bound> params) {
        switch (b.op()) {
            case COALESCE -> {
                Label done = new Label();
                gen(b.left(), scope, params);
                mv.visitInsn(DUP);
                mv.visitMethodInsn(INVOKESTATIC, "io/leadflow/dsl/eval/Values", "isNull", "(" + NODE_D + ")Z", false);
                mv.visitJumpInsn(IFEQ, done);
                mv.visitInsn(POP);
                gen(b.right(), scope, params);
                mv.visitLabel(done);
            }
            case AND, OR -> {
                Label decided = new Label();
                Label done = new Label();
                boolean and = b.op() == BinaryOp.AND;
                gen(b.left(), scope, params);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "truthy", "(" + NODE_D + ")Z", false);
                mv.visitJumpInsn(and ? IFEQ : IFNE, decided);
                gen(b.right(), scope, params);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "truthy", "(" + NODE_D + ")Z", false);
                mv.visitMethodInsn(INVOKESTATIC, "io/leadflow/dsl/eval/Values", "bool", "(Z)" + NODE_D, false);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(decided);
                constant(Values.bool(!and), JsonNode.class);
                mv.visitLabel(done);
            }
            case IN, NOT_IN -> { // the closure evaluates the haystack first
                gen(b.right(), scope, params);
                gen(b.left(), scope, params);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, b.op().name(), "(" + NODE_D + NODE_D + ")" + NODE_D, false);
            }
            default -> {
                gen(b.left(), scope, params);
                gen(b.right(), scope, params);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, b.op().name(), "(" + NODE_D + NODE_D + ")" + NODE_D, false);
            }
        }
    }

    /** The closure ExprCompiler builds for {@code e}, called from here (its own call site). */
    private void closure(Expr e, Scope scope, Map<String, Bound> params) {
        Eval eval = exprs.withParams(closures(params)).compile(e, scope);
        constant(eval, Eval.class);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKEINTERFACE, "io/leadflow/dsl/eval/Eval", "eval", "(L" + ENV + ";)" + NODE_D, true);
    }

    private Map<String, Eval> closures(Map<String, Bound> params) {
        Map<String, Eval> out = new HashMap<>();
        params.forEach((k, b) -> out.put(k, b.expr() == null ? env -> null : exprs.withParams(closures(b.params())).compile(b.expr(), b.scope())));
        return out;
    }

    // ------------------------------------------------------------------ constants and small instructions

    private void constant(Object value, Class<?> type) {
        if (value == null) {
            mv.visitInsn(ACONST_NULL);
            return;
        }
        Integer index = constantIndex.get(value);
        if (index == null) {
            index = constants.size();
            constants.add(value);
            constantIndex.put(value, index);
        }
        mv.visitLdcInsn(new ConstantDynamic("_", Type.getDescriptor(type), CLASS_DATA_AT, index));
    }

    private void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
}

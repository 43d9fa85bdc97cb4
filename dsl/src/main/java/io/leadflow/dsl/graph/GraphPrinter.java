package io.leadflow.dsl.graph;

import java.util.Locale;

/** Renders a rule graph as Graphviz DOT or a Mermaid flowchart. */
public final class GraphPrinter {
    private GraphPrinter() { }

    public enum Format { DOT, MERMAID;
        public static Format parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    public static String print(RuleGraph g, Format format) {
        return format == Format.DOT ? dot(g) : mermaid(g);
    }

    static String dot(RuleGraph g) {
        StringBuilder b = new StringBuilder("digraph \"").append(esc(g.flow())).append("\" {\n  rankdir=TB;\n");
        b.append("  dropped [label=\"dropped\", shape=octagon];\n");
        for (GraphStep s : g.steps()) {
            b.append("  ").append(s.id()).append(" [label=\"").append(esc(kind(s) + ": " + s.label()))
                    .append("\\n").append(esc(s.span().at())).append("\", shape=").append(shape(s)).append("];\n");
        }
        for (Edge e : g.edges()) {
            b.append("  ").append(e.from()).append(" -> ").append(e.to());
            if (!e.label().isEmpty()) b.append(" [label=\"").append(esc(e.label())).append("\"]");
            b.append(";\n");
        }
        return b.append("}\n").toString();
    }

    static String mermaid(RuleGraph g) {
        StringBuilder b = new StringBuilder("flowchart TD\n  dropped{{dropped}}\n");
        for (GraphStep s : g.steps()) {
            b.append("  ").append(s.id()).append("[\"").append(mq(kind(s) + ": " + s.label())).append("<br/>")
                    .append(mq(s.span().at())).append("\"]\n");
        }
        for (Edge e : g.edges()) {
            b.append("  ").append(e.from()).append(e.label().isEmpty() ? " --> " : " -->|" + mq(e.label()) + "| ").append(e.to()).append('\n');
        }
        return b.toString();
    }

    private static String kind(GraphStep s) {
        return s.getClass().getSimpleName().replace("Step", "").toLowerCase(Locale.ROOT);
    }

    private static String shape(GraphStep s) {
        return s instanceof FilterStep || s instanceof DecideStep ? "diamond" : s instanceof EffectStep ? "box3d" : "box";
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String mq(String s) {
        return s.replace("\"", "#quot;").replace("|", "#124;");
    }
}

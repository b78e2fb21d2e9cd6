package org.convlab.autograd;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the autograd graph behind a tensor, for teaching: a text listing (node, op, shape, inputs)
 * and Graphviz DOT ({@code dot -Tpng}).
 */
public final class GraphDump {
    private GraphDump() {
    }

    /** Numbers every leaf and node reachable from {@code root}, leaves first, in evaluation order. */
    private static final class Numbering {
        final Map<Tensor, Integer> ids = new IdentityHashMap<>();
        final List<Tensor> ordered = new ArrayList<>();
        final List<Node> nodes;

        Numbering(Tensor root) {
            nodes = root.gradFn() == null ? List.of() : Autograd.topologicalOrder(root.gradFn());
            for (Node node : nodes) {
                for (Tensor in : node.inputsRef()) {
                    if (in.gradFn() == null) {
                        number(in);
                    }
                }
            }
            if (root.gradFn() == null) {
                number(root);
            }
            for (Node node : nodes) {
                number(node.output());
            }
        }

        private void number(Tensor t) {
            if (!ids.containsKey(t)) {
                ids.put(t, ids.size());
                ordered.add(t);
            }
        }

        String label(Tensor t) {
            return "#" + ids.get(t) + (t.name() != null ? " " + t.name() : "");
        }
    }

    /** One line per tensor: {@code #3 matmul [64, 10] float32 <- #1 x, #2 W}. */
    public static String text(Tensor root) {
        Numbering num = new Numbering(root);
        StringBuilder sb = new StringBuilder();
        for (Tensor t : num.ordered) {
            if (t.gradFn() == null) {
                sb.append(num.label(t)).append(" leaf ").append(t.shapeString()).append(' ')
                        .append(t.dtype().numpyName()).append(t.requiresGrad() ? " requiresGrad" : " constant").append('\n');
            }
        }
        for (Node node : num.nodes) {
            sb.append(num.label(node.output())).append(' ').append(node.op()).append(' ')
                    .append(Shapes.str(node.output().shapeRef())).append(' ')
                    .append(node.output().dtype().numpyName()).append(" <- ");
            Tensor[] inputs = node.inputsRef();
            for (int i = 0; i < inputs.length; i++) {
                sb.append(i > 0 ? ", " : "").append(num.label(inputs[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The graph in Graphviz DOT: leaves as ellipses, ops as boxes, edges in the direction data flows. */
    public static String dot(Tensor root) {
        Numbering num = new Numbering(root);
        StringBuilder sb = new StringBuilder("digraph autograd {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (Tensor t : num.ordered) {
            int id = num.ids.get(t);
            boolean leaf = t.gradFn() == null;
            String title = leaf ? (t.name() != null ? t.name() : t.requiresGrad() ? "variable" : "constant") : t.gradFn().op();
            sb.append("  t").append(id).append(" [shape=").append(leaf ? "ellipse" : "box")
                    .append(leaf && t.requiresGrad() ? ", style=filled, fillcolor=\"#dbe9f6\"" : "")
                    .append(", label=\"").append(title).append("\\n").append(t.shapeString()).append("\"];\n");
        }
        for (Node node : num.nodes) {
            for (Tensor in : node.inputsRef()) {
                sb.append("  t").append(num.ids.get(in)).append(" -> t").append(num.ids.get(node.output())).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }
}

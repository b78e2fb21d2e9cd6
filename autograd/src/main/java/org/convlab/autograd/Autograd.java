package org.convlab.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reverse-mode engine: records ops into the graph and runs backward passes.
 *
 * <p>A backward pass visits each node once, in reverse topological order (found iteratively, so a
 * chain of any depth works), sums the gradients arriving at each node from all its uses, and calls
 * the node's {@link Backward} rule only for the inputs that need a gradient.
 */
public final class Autograd {
    private static final ThreadLocal<boolean[]> GRAD_ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private Autograd() {
    }

    /** Whether ops on this thread currently record the graph. */
    public static boolean isGradEnabled() {
        return GRAD_ENABLED.get()[0];
    }

    /** Sets grad mode on this thread and returns the previous mode; prefer {@link NoGrad}. */
    static boolean setGradEnabled(boolean enabled) {
        boolean[] flag = GRAD_ENABLED.get();
        boolean previous = flag[0];
        flag[0] = enabled;
        return previous;
    }

    /**
     * Records that {@code output} was computed from {@code inputs} by {@code op}, if grad mode is on
     * and some input requires grad. Returns {@code output}. This is how every differentiable op,
     * including fused ops in other modules, joins the graph.
     */
    public static Tensor record(String op, Tensor output, Backward backward, Tensor... inputs) {
        if (!isGradEnabled()) {
            return output;
        }
        boolean[] needs = new boolean[inputs.length];
        boolean any = false;
        for (int i = 0; i < inputs.length; i++) {
            needs[i] = inputs[i].requiresGrad();
            any |= needs[i];
        }
        if (any) {
            output.attach(new Node(op, inputs.clone(), needs, backward, output));
        }
        return output;
    }

    /** Backpropagates into the leaves' {@code grad()}; see {@link Tensor#backward(Tensor)}. */
    static void backward(Tensor root, Tensor upstream) {
        run("backward", root, upstream, null);
    }

    /**
     * The gradients of {@code root} with respect to {@code inputs}, returned instead of accumulated
     * into any {@code grad()} (like {@code torch.autograd.grad}). Inputs the root does not depend on
     * get a zero gradient.
     *
     * @param upstream the gradient of the final objective with respect to root; null when root is a scalar
     */
    public static Tensor[] grad(Tensor root, Tensor upstream, Tensor... inputs) {
        Map<Tensor, Tensor> captured = new IdentityHashMap<>();
        for (Tensor t : inputs) {
            if (!t.requiresGrad()) {
                throw Shapes.error("grad", "input does not require grad", "shape " + t.shapeString()
                        + (t.name() != null ? " (" + t.name() + ")" : ""));
            }
            captured.put(t, null);
        }
        run("grad", root, upstream, captured);
        Tensor[] out = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor g = captured.get(inputs[i]);
            out[i] = g != null ? g : Tensor.zeros(inputs[i].dtype(), inputs[i].shapeRef());
        }
        return out;
    }

    private static void run(String what, Tensor root, Tensor upstream, Map<Tensor, Tensor> captured) {
        if (!root.requiresGrad()) {
            throw Shapes.error(what, "tensor does not require grad",
                    "shape " + root.shapeString() + "; mark a leaf with requiresGrad(true) before computing with it");
        }
        Tensor seed = seedGradient(what, root, upstream);
        try (NoGrad off = NoGrad.begin()) {
            if (root.isLeaf()) {
                deliverToLeaf(root, seed, captured);
                return;
            }
            List<Node> order = topologicalOrder(root.gradFn());
            Map<Node, Tensor> pending = new IdentityHashMap<>();
            pending.put(root.gradFn(), seed);
            for (int idx = order.size() - 1; idx >= 0; idx--) {
                Node node = order.get(idx);
                Tensor g = pending.remove(node);
                if (g == null) {
                    continue;
                }
                Tensor out = node.output();
                if (captured != null && captured.containsKey(out)) {
                    captured.merge(out, g, Tensor::add);
                } else if (captured == null && out.retainsGrad()) {
                    out.accumulateGrad(g);
                }
                Tensor[] grads = node.applyBackward(g);
                Tensor[] inputs = node.inputsRef();
                for (int i = 0; i < inputs.length; i++) {
                    if (!node.needsGrad(i)) {
                        continue;
                    }
                    Tensor in = inputs[i];
                    if (in.isLeaf()) {
                        deliverToLeaf(in, grads[i], captured);
                    } else {
                        pending.merge(in.gradFn(), grads[i], Tensor::add);
                    }
                }
            }
        }
    }

    private static void deliverToLeaf(Tensor leaf, Tensor g, Map<Tensor, Tensor> captured) {
        if (captured == null) {
            leaf.accumulateGrad(g);
        } else if (captured.containsKey(leaf)) {
            captured.merge(leaf, g, Tensor::add);
        }
    }

    private static Tensor seedGradient(String what, Tensor root, Tensor upstream) {
        if (upstream == null) {
            if (root.numel() != 1) {
                throw Shapes.error(what, "output is not a scalar", "shape " + root.shapeString()
                        + "; pass the upstream gradient, e.g. backward(Tensor.ones(...)), or reduce to a scalar first");
            }
            return Tensor.full(root.dtype(), 1.0, root.shapeRef());
        }
        Shapes.same(what, "upstream gradient", root.shapeRef(), upstream.shapeRef());
        return upstream.dtype() == root.dtype() ? upstream : upstream.detach().to(root.dtype());
    }

    /** Nodes reachable from {@code start}, each after all nodes it depends on (iterative DFS). */
    static List<Node> topologicalOrder(Node start) {
        List<Node> order = new ArrayList<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextInput = new ArrayDeque<>();
        stack.push(start);
        nextInput.push(0);
        visited.put(start, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            int i = nextInput.pop();
            Tensor[] inputs = node.inputsRef();
            while (i < inputs.length && (inputs[i].gradFn() == null || visited.containsKey(inputs[i].gradFn()))) {
                i++;
            }
            if (i < inputs.length) {
                Node child = inputs[i].gradFn();
                nextInput.push(i + 1);
                visited.put(child, Boolean.TRUE);
                stack.push(child);
                nextInput.push(0);
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }
}

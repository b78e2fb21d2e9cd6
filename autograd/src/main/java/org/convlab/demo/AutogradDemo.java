package org.convlab.demo;

import java.util.List;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.GraphDump;
import org.convlab.autograd.Rng;
import org.convlab.autograd.Tensor;

/**
 * {@code ./convlab demo}: builds a two-layer softmax classifier from autograd primitives, shows its
 * graph, runs backward and checks every gradient against finite differences.
 */
public final class AutogradDemo {
    private AutogradDemo() {
    }

    /** Runs the demo; {@code --dot} prints the graph as Graphviz DOT instead of the listing. */
    public static void main(String[] args) {
        List<String> flags = List.of(args);
        if (flags.contains("--help") || flags.contains("-h")) {
            System.out.println("""
                    Usage: ./convlab demo [--dot]

                    Builds scores = relu(x·W1 + b1)·W2 + b2 and the softmax loss of 4 samples in 3 classes from
                    autograd primitives (float64), prints the graph, backpropagates, and checks every gradient
                    against centred finite differences (CS231n's gradient check).

                      --dot    print the graph in Graphviz DOT (pipe it to: dot -Tpng -o graph.png)
                      --help   show this help""");
            return;
        }
        Rng rng = new Rng(231);
        Tensor x = Tensor.randn(DType.F64, rng, 4, 3).named("x");
        int[] labels = {0, 2, 1, 2};
        Tensor w1 = Tensor.randn(DType.F64, rng, 3, 5).mul(0.5).detach().requiresGrad(true).named("W1");
        Tensor b1 = Tensor.zeros(DType.F64, 5).requiresGrad(true).named("b1");
        Tensor w2 = Tensor.randn(DType.F64, rng, 5, 3).mul(0.5).detach().requiresGrad(true).named("W2");
        Tensor b2 = Tensor.zeros(DType.F64, 3).requiresGrad(true).named("b2");

        GradCheck.ScalarFunction loss = in -> {
            Tensor hidden = in[0].matmul(in[1]).add(in[2]).maximum(0);
            Tensor scores = hidden.matmul(in[3]).add(in[4]);
            return scores.logSumExp(1, false).sub(scores.pick(labels)).mean();
        };
        Tensor l = loss.apply(x, w1, b1, w2, b2);
        if (flags.contains("--dot")) {
            System.out.print(GraphDump.dot(l));
            return;
        }
        System.out.println("Graph of the loss (leaves first, then ops in evaluation order):");
        System.out.println(GraphDump.text(l));
        System.out.printf("loss = %.6f (ln 3 = %.6f for a uniform guess)%n%n", l.item(), Math.log(3));
        l.backward();
        System.out.println("dloss/dW2 after backward():");
        System.out.println(w2.grad());
        System.out.println();
        GradCheckReport report = GradCheck.check(loss, x, w1, b1, w2, b2);
        System.out.println(report);
        if (!report.passed()) {
            System.exit(1);
        }
    }
}

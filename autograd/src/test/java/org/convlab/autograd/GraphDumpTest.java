package org.convlab.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The teaching views of the graph. */
class GraphDumpTest {
    private static Tensor scores() {
        Tensor x = Tensor.ones(DType.F64, 4, 3).named("x");
        Tensor w = Tensor.ones(DType.F64, 3, 2).requiresGrad(true).named("W");
        Tensor b = Tensor.ones(DType.F64, 2).requiresGrad(true).named("b");
        return x.matmul(w).add(b).maximum(0);
    }

    @Test
    void textListsLeavesThenOpsInEvaluationOrder() {
        assertEquals("""
                #0 x leaf [4, 3] float64 constant
                #1 W leaf [3, 2] float64 requiresGrad
                #2 b leaf [2] float64 requiresGrad
                #3 matmul [4, 2] float64 <- #0 x, #1 W
                #4 add [4, 2] float64 <- #3, #2 b
                #5 maximum_scalar [4, 2] float64 <- #4
                """, GraphDump.text(scores()));
    }

    @Test
    void dotHasOneNodePerTensorAndOneEdgePerInput() {
        String dot = GraphDump.dot(scores());
        assertTrue(dot.startsWith("digraph autograd {"), dot);
        assertTrue(dot.contains("t3 [shape=box, label=\"matmul\\n[4, 2]\"];"), dot);
        assertTrue(dot.contains("t1 [shape=ellipse, style=filled, fillcolor=\"#dbe9f6\", label=\"W\\n[3, 2]\"];"), dot);
        assertEquals(5, dot.split("->", -1).length - 1, dot);
    }

    @Test
    void aLeafAloneIsItsOwnGraph() {
        assertEquals("#0 w leaf [2] float32 requiresGrad\n", GraphDump.text(Tensor.zeros(2).requiresGrad(true).named("w")));
    }
}

package org.convlab.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.convlab.autograd.DType;
import org.convlab.autograd.GradCheck;
import org.convlab.autograd.GradCheckReport;
import org.convlab.autograd.Tensor;
import org.convlab.nn.F;
import org.junit.jupiter.api.Test;

/** The LeNet-style model: shapes, options, equality with its composed definition, and a gradient check. */
class LeNetTest {

    @Test
    void defaultsAreTheFashionMnistNet() {
        LeNet net = LeNet.builder().build();
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(net.parameters().keySet()));
        assertArrayEquals(new int[] {8, 1, 5, 5}, net.parameters().get("W1").shape());
        assertArrayEquals(new int[] {16, 8, 5, 5}, net.parameters().get("W2").shape());
        assertArrayEquals(new int[] {784, 10}, net.parameters().get("W3").shape());
        assertArrayEquals(new int[] {3, 10}, net.scores(Tensor.zeros(3, 1, 28, 28)).shape());
        assertEquals(8 * 25 + 8 + 16 * 8 * 25 + 16 + 784 * 10 + 10, net.parameterCount());
    }

    @Test
    void inputShapeFiltersKernelAndClassesAreConfigurable() {
        LeNet net = LeNet.builder().inputShape(3, 32, 32).filters(6, 12).filterSize(3).classes(7).build();
        assertArrayEquals(new int[] {6, 3, 3, 3}, net.parameters().get("W1").shape());
        assertArrayEquals(new int[] {12 * 8 * 8, 7}, net.parameters().get("W3").shape());
        assertArrayEquals(new int[] {2, 7}, net.scores(Tensor.zeros(2, 3, 32, 32)).shape());
    }

    @Test
    void scoresEqualTheComposedConvReluPoolStagesAndAffine() {
        LeNet net = LeNet.builder().inputShape(2, 12, 8).filters(3, 4).filterSize(3).classes(5).dtype(DType.F64)
                .seed(9).build();
        Tensor x = Tensor.randn(DType.F64, 10, 3, 2, 12, 8);
        var p = net.parameters();
        Tensor h = F.maxPool2d(F.relu(F.conv2dNaive(x, p.get("W1"), p.get("b1"), 1, 1)), 2, 2, 2);
        h = F.maxPool2d(F.relu(F.conv2dNaive(h, p.get("W2"), p.get("b2"), 1, 1)), 2, 2, 2);
        Tensor expected = F.affine(h, p.get("W3"), p.get("b3"));
        assertTrue(net.scores(x).maxRelError(expected) < 1e-12);
    }

    @Test
    void gradientsOfAllParametersCheckEndToEndInFloat64() {
        LeNet net = LeNet.builder().inputShape(1, 8, 8).filters(2, 3).filterSize(3).classes(3).reg(0.1)
                .weightScale(0.3).dtype(DType.F64).seed(4).build();
        Tensor x = Tensor.randn(DType.F64, 11, 3, 1, 8, 8);
        int[] y = {2, 0, 1};
        Tensor[] params = net.parameters().values().toArray(new Tensor[0]);
        GradCheckReport report = GradCheck.check(in -> net.loss(x, y), params);
        assertTrue(report.passed(), report::toString);
        assertEquals(6, report.entries().size());
    }

    @Test
    void smallGaussianWeightsGiveAnInitialSoftmaxLossOfAboutLogTen() {
        LeNet net = LeNet.builder().weightScale(1e-2).seed(2).build();
        Tensor x = Tensor.randn(DType.F32, 3, 40, 1, 28, 28);
        int[] y = new int[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10;
        }
        assertEquals(Math.log(10), net.loss(x, y).item(), 1e-2);
    }

    @Test
    void unusableShapesAreRefusedByName() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> LeNet.builder().inputShape(1, 30, 28).build());
        assertEquals("LeNet: H and W must be multiples of 4 for the two 2×2 pools, got [1, 30, 28]", size.getMessage());
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> LeNet.builder().filterSize(4).build());
        assertTrue(kernel.getMessage().startsWith("LeNet: filter size must be odd"), kernel.getMessage());
        IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
                () -> LeNet.builder().build().summary(2, 3, 28, 28));
        assertTrue(input.getMessage().contains("expected (N, 1, 28, 28), got [2, 3, 28, 28]"), input.getMessage());
    }
}

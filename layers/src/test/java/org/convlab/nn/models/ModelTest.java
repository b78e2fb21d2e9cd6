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
import org.junit.jupiter.api.Test;

/** The CS231n models: shapes, initial losses, and end-to-end gradient checks. */
class ModelTest {
    private static final int[] LABELS = {1, 7};

    @Test
    void threeLayerConvNetHasCs231nParameterShapes() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().build();
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(net.parameters().keySet()));
        assertArrayEquals(new int[] {32, 3, 7, 7}, net.parameters().get("W1").shape());
        assertArrayEquals(new int[] {32 * 16 * 16, 100}, net.parameters().get("W2").shape());
        assertArrayEquals(new int[] {100, 10}, net.parameters().get("W3").shape());
    }

    @Test
    void threeLayerConvNetWorksOnFashionMnistShapes() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().inputShape(1, 28, 28).build();
        assertArrayEquals(new int[] {32 * 14 * 14, 100}, net.parameters().get("W2").shape());
        assertArrayEquals(new int[] {4, 10}, net.scores(Tensor.zeros(4, 1, 28, 28)).shape());
    }

    @Test
    void initialSoftmaxLossIsAboutLogTen() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().inputShape(3, 16, 16).build();
        Tensor x = Tensor.randn(DType.F32, 1, 20, 3, 16, 16);
        int[] y = new int[20];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10;
        }
        assertEquals(Math.log(10), net.loss(x, y).item(), 1e-3);
    }

    @Test
    void regularisationAddsHalfRegTimesSquaredWeights() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().inputShape(3, 8, 8).reg(0.5).dtype(DType.F64).seed(3).build();
        ThreeLayerConvNet plain = ThreeLayerConvNet.builder().inputShape(3, 8, 8).reg(0).dtype(DType.F64).seed(3).build();
        Tensor x = Tensor.randn(DType.F64, 4, 2, 3, 8, 8);
        double squares = 0;
        for (String w : List.of("W1", "W2", "W3")) {
            squares += net.parameters().get(w).pow(2).sum().item();
        }
        assertEquals(plain.loss(x, LABELS).item() + 0.25 * squares, net.loss(x, LABELS).item(), 1e-12);
    }

    @Test
    void threeLayerConvNetGradientsCheckEndToEnd() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().inputShape(3, 16, 16).filters(3).filterSize(3).hidden(7)
                .weightScale(1e-1).reg(0.1).dtype(DType.F64).seed(5).build();
        Tensor x = Tensor.randn(DType.F64, 6, 2, 3, 16, 16);
        Tensor[] params = net.parameters().values().toArray(new Tensor[0]);
        GradCheckReport report = GradCheck.builder().sampled(40, 7).build().run(in -> net.loss(x, LABELS), params);
        assertTrue(report.passed(), report::toString);
        assertEquals(6, report.entries().size());
    }

    @Test
    void fullyConnectedNetWithBatchNormAndDropoutGradientsCheck() {
        FullyConnectedNet net = FullyConnectedNet.builder().inputShape(5).hidden(6, 4).classes(3).batchNorm(true)
                .reg(0.05).weightScale(0.5).dtype(DType.F64).seed(2).build();
        Tensor x = Tensor.randn(DType.F64, 8, 4, 5);
        int[] y = {0, 2, 1, 2};
        Tensor[] params = net.parameters().values().toArray(new Tensor[0]);
        net.eval();
        GradCheckReport report = GradCheck.check(in -> net.loss(x, y), params);
        assertTrue(report.passed(), report::toString);
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"),
                List.copyOf(net.parameters().keySet()));
    }

    @Test
    void predictReturnsTheArgmaxClass() {
        FullyConnectedNet net = FullyConnectedNet.builder().inputShape(2).hidden(3).classes(4).seed(1).build();
        int[] predicted = net.predict(Tensor.randn(DType.F32, 2, 5, 2));
        assertEquals(5, predicted.length);
        assertTrue(java.util.Arrays.stream(predicted).allMatch(c -> c >= 0 && c < 4));
    }

    @Test
    void aModelRefusesTheWrongInputShapeBeforeRunning() {
        ThreeLayerConvNet net = ThreeLayerConvNet.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.summary(2, 1, 28, 28));
        assertTrue(e.getMessage().contains("expected (N, 3, 32, 32), got [2, 1, 28, 28]"), e.getMessage());
    }
}

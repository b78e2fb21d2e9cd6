package org.convlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.convlab.autograd.DType;
import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Modules: parameters, modes, text, shape inference and errors that name the layer. */
class ModuleTest {
    private static Sequential seedNet() {
        return new Sequential(
                Conv2d.builder().inChannels(3).outChannels(12).kernel(5).pad(2).seed(1).build(),
                new ReLU(),
                MaxPool2d.builder().pool(2).build(),
                new Flatten(),
                Linear.builder().inFeatures(12 * 16 * 16).outFeatures(10).seed(2).build());
    }

    @Test
    void parametersAreNamedByPathInOrder() {
        Map<String, Tensor> params = seedNet().parameters();
        assertEquals(List.of("0.weight", "0.bias", "4.weight", "4.bias"), List.copyOf(params.keySet()));
        assertArrayEquals(new int[] {12, 3, 5, 5}, params.get("0.weight").shape());
        assertArrayEquals(new int[] {3072, 10}, params.get("4.weight").shape());
        assertTrue(params.values().stream().allMatch(Tensor::requiresGrad));
    }

    @Test
    void parameterCountFollowsTheSeedNotes() {
        Conv2d conv = Conv2d.builder().inChannels(3).outChannels(12).kernel(5).build();
        assertEquals(12 * (5 * 5 * 3 + 1), conv.parameterCount(), "each filter: 5×5×3 = 75 weights and a bias");
    }

    @Test
    void summaryShowsTheSeedVolumes() {
        String summary = seedNet().summary(8, 3, 32, 32);
        assertTrue(summary.contains("[8, 12, 32, 32]"), summary);
        assertTrue(summary.contains("[8, 12, 16, 16]"), summary);
        assertTrue(summary.contains("[8, 3072]"), summary);
        assertTrue(summary.contains("[8, 10]"), summary);
        assertTrue(summary.contains("31,642"), summary);
    }

    @Test
    void summaryNamesTheLayerThatCannotTakeItsInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> seedNet().summary(8, 3, 28, 28));
        assertEquals("summary: layer 4 Linear(3072 -> 10) cannot take input [8, 2352]: expected 3072 features per sample, "
                + "got [8, 2352] = 2352 features", e.getMessage());
    }

    @Test
    void forwardErrorsNameTheLayerAndBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> seedNet().forward(Tensor.zeros(2, 3, 28, 28)));
        assertTrue(e.getMessage().contains("layer (4) Linear(3072 -> 10): affine: input features per sample differ"), e.getMessage());
        assertTrue(e.getMessage().contains("x [2, 2352]") && e.getMessage().contains("[3072, 10]"), e.getMessage());
    }

    @Test
    void toStringListsTheLayersLikePyTorch() {
        assertEquals("""
                Sequential(
                  (0): Conv2d(3, 12, kernel=5, stride=1, pad=2)
                  (1): ReLU()
                  (2): MaxPool2d(pool=2, stride=2)
                  (3): Flatten()
                  (4): Linear(3072 -> 10)
                )  # 31,642 parameters""", seedNet().toString());
    }

    @Test
    void trainAndEvalReachEveryLayer() {
        Sequential net = new Sequential(new ReLU(), Dropout.builder().keep(0.5).build());
        net.eval();
        assertTrue(net.layers().stream().noneMatch(Module::isTraining));
        net.train();
        assertTrue(net.layers().stream().allMatch(Module::isTraining));
    }

    @Test
    void dropoutIsIdentityInEvalMode() {
        Dropout d = Dropout.builder().keep(0.5).seed(3).build();
        Tensor x = Tensor.ones(100);
        assertNotEquals(100.0, d.forward(x).sum().item());
        d.eval();
        assertEquals(100.0, d.forward(x).sum().item());
    }

    @Test
    void stateDictRoundTripsIncludingBuffers() {
        BatchNorm1d bn = BatchNorm1d.builder().features(3).build();
        bn.forward(Tensor.randn(org.convlab.autograd.DType.F32, 1, 8, 3));
        BatchNorm1d copy = BatchNorm1d.builder().features(3).build();
        copy.loadStateDict(bn.stateDict());
        assertEquals(List.of("gamma", "beta", "runningMean", "runningVar"), List.copyOf(copy.stateDict().keySet()));
        assertTrue(copy.stateDict().get("runningMean").allClose(bn.stateDict().get("runningMean"), 0, 0));
    }

    @Test
    void loadStateDictRefusesAWrongShapeAndChangesNothing() {
        Linear a = Linear.builder().inFeatures(3).outFeatures(2).seed(1).build();
        double before = a.weight().get(0, 0);
        Map<String, Tensor> wrong = Map.of("weight", Tensor.zeros(2, 3), "bias", Tensor.zeros(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.loadStateDict(wrong));
        assertEquals("loadStateDict: shape differs for weight: expected [3, 2], got [2, 3]", e.getMessage());
        assertEquals(before, a.weight().get(0, 0));
    }

    @Test
    void toConvertsEveryParameter() {
        Sequential net = seedNet();
        net.to(DType.F64);
        assertTrue(net.parameters().values().stream().allMatch(t -> t.dtype() == DType.F64 && t.requiresGrad()));
        assertEquals(DType.F64, net.forward(Tensor.zeros(DType.F64, 1, 3, 32, 32)).dtype());
    }

    @Test
    void sameSeedSameWeights() {
        Linear a = Linear.builder().inFeatures(4).outFeatures(3).seed(9).build();
        Linear b = Linear.builder().inFeatures(4).outFeatures(3).seed(9).build();
        assertTrue(a.weight().allClose(b.weight(), 0, 0));
        assertFalse(a.weight().allClose(Linear.builder().inFeatures(4).outFeatures(3).seed(10).build().weight(), 0, 0));
    }

    @Test
    void initialisersHaveTheirStandardDeviations() {
        Linear kaiming = Linear.builder().inFeatures(500).outFeatures(400).init(Init.kaiming()).dtype(DType.F64).build();
        Linear xavier = Linear.builder().inFeatures(500).outFeatures(400).init(Init.xavier()).dtype(DType.F64).build();
        Linear gaussian = Linear.builder().inFeatures(500).outFeatures(400).init(Init.gaussian(1e-3)).dtype(DType.F64).build();
        assertEquals(Math.sqrt(2.0 / 500), std(kaiming.weight()), 2e-3 * Math.sqrt(2.0 / 500) * 10);
        assertEquals(Math.sqrt(2.0 / 900), std(xavier.weight()), 2e-2 * Math.sqrt(2.0 / 900));
        assertEquals(1e-3, std(gaussian.weight()), 2e-5);
        assertEquals(0.0, kaiming.bias().sum().item());
    }

    private static double std(Tensor t) {
        return t.pow(2).mean().sqrt().item();
    }

    @Test
    void requiredBuilderOptionsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conv2d.builder().inChannels(3).kernel(3).build());
        assertEquals("Conv2d: outChannels is required", e.getMessage());
    }
}

package org.convlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convlab.autograd.Tensor;
import org.junit.jupiter.api.Test;

/** Per-parameter state by name, state dicts, descriptions and option checks. */
class OptimizerStateTest {

    private static Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("W1", Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true));
        p.put("b1", Tensor.of(new double[] {0.5, -0.5}, 2).requiresGrad(true));
        return p;
    }

    @Test
    void stateIsReadableAndSettableByParameterName() {
        Map<String, Tensor> p = parameters();
        SgdMomentum momentum = SgdMomentum.builder().learningRate(0.1).momentum(0.5).build(p);
        momentum.setState("b1", Map.of(SgdMomentum.VELOCITY, Tensor.of(new double[] {1, 2}, 2)));
        p.get("b1").setGrad(Tensor.of(new double[] {0, 0}, 2));
        momentum.step();
        // v = 0.5·[1, 2] − 0.1·0 = [0.5, 1]; b1 = [0.5, −0.5] + v
        assertArrayEquals(new double[] {0.5, 1}, momentum.state("b1").get(SgdMomentum.VELOCITY).toDoubleArray());
        assertArrayEquals(new double[] {1.0, 0.5}, p.get("b1").toDoubleArray());
    }

    @Test
    void stateDictNamesEverySlotOfEveryParameterInOrder() {
        Adam adam = Adam.builder().build(parameters());
        assertEquals(List.of("W1.m", "W1.v", "W1.t", "b1.m", "b1.v", "b1.t"), List.copyOf(adam.stateDict().keySet()));
        assertArrayEquals(new int[] {2, 2}, adam.stateDict().get("W1.v").shape());
        assertArrayEquals(new int[0], adam.stateDict().get("b1.t").shape());
    }

    @Test
    void loadStateDictRestoresEverySlot() {
        Map<String, Tensor> p = parameters();
        Adam trained = Adam.builder().build(p);
        p.values().forEach(t -> t.setGrad(Tensor.full(t.dtype(), 0.3, t.shape())));
        trained.step();
        Adam fresh = Adam.builder().build(parameters());
        fresh.loadStateDict(trained.stateDict());
        trained.stateDict().forEach((key, t) -> assertArrayEquals(t.toDoubleArray(), fresh.stateDict().get(key).toDoubleArray(), key));
    }

    @Test
    void loadStateDictWithAMissingEntryChangesNothing() {
        Adam adam = Adam.builder().build(parameters());
        Map<String, Tensor> partial = new LinkedHashMap<>();
        adam.stateDict().forEach((key, t) -> partial.put(key, Tensor.full(t.dtype(), 7, t.shape())));
        partial.remove("b1.v");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(partial));
        assertTrue(e.getMessage().contains("b1.v"), e.getMessage());
        adam.stateDict().values().forEach(t -> assertEquals(0.0, t.toDoubleArray()[0]));
    }

    @Test
    void setStateRejectsUnknownParametersSlotsAndShapes() {
        Adam adam = Adam.builder().build(parameters());
        assertThrows(IllegalArgumentException.class, () -> adam.state("W9"));
        assertThrows(IllegalArgumentException.class, () -> adam.setState("W1", Map.of("velocity", Tensor.zeros(2, 2))));
        assertThrows(IllegalArgumentException.class, () -> adam.setState("W1", Map.of("m", Tensor.zeros(4))));
    }

    @Test
    void toStringShowsTheRuleAndItsHyperparameters() {
        Map<String, Tensor> p = parameters();
        assertEquals("Adam(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8)", Adam.builder().build(p).toString());
        assertEquals("SgdMomentum(lr=0.05, momentum=0.9, nesterov)",
                SgdMomentum.builder().learningRate(0.05).nesterov(true).build(p).toString());
        assertEquals("RmsProp(lr=0.01, decayRate=0.99, eps=1e-8)", RmsProp.builder().build(p).toString());
        assertEquals("Sgd(lr=2.5e-4, weightDecay=5e-4)", Sgd.builder().learningRate(2.5e-4).weightDecay(5e-4).build(p).toString());
    }

    @Test
    void outOfRangeOptionsAreRejected() {
        Map<String, Tensor> p = parameters();
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().learningRate(0).build(p));
        assertThrows(IllegalArgumentException.class, () -> Sgd.builder().weightDecay(-1).build(p));
        assertThrows(IllegalArgumentException.class, () -> SgdMomentum.builder().momentum(1).build(p));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().beta2(1.5).build(p));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().build(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().build(p).setLearningRate(Double.NaN));
    }
}

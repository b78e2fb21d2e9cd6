package org.convlab.nn;

import java.util.ArrayList;
import java.util.List;

import org.convlab.autograd.Tensor;

/** Layers applied one after another; children are named 0, 1, 2, ... as in PyTorch. */
public final class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    /** A sequence of the given layers. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends a layer; returns this. */
    public Sequential add(Module module) {
        layers.add(registerModule(Integer.toString(layers.size()), module));
        return this;
    }

    /** The layers, in order. */
    public List<Module> layers() {
        return List.copyOf(layers);
    }

    @Override
    protected Tensor compute(Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            try {
                h = layers.get(i).forward(h);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer (" + i + ") " + e.getMessage(), e);
            }
        }
        return h;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] shape = inputShape;
        for (Module m : layers) {
            shape = m.outputShape(shape);
        }
        return shape;
    }

    @Override
    int[] summaryRows(StringBuilder sb, String path, int[] inputShape) {
        int[] shape = inputShape;
        for (int i = 0; i < layers.size(); i++) {
            shape = layers.get(i).summaryRows(sb, path.isEmpty() ? Integer.toString(i) : path + "." + i, shape);
        }
        return shape;
    }
}

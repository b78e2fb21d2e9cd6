package org.convlab.autograd;

/**
 * A scope in which ops record no graph: for inference, optimizer updates and anything else that
 * must not be differentiated. Scopes nest and are per thread.
 *
 * <pre>{@code
 * try (NoGrad off = NoGrad.begin()) {
 *     w.addInPlace(-learningRate, w.grad());
 * }
 * }</pre>
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;
    private boolean closed;

    private NoGrad() {
        this.previous = Autograd.setGradEnabled(false);
    }

    /** Turns grad mode off on this thread until {@link #close()}. */
    public static NoGrad begin() {
        return new NoGrad();
    }

    /** Restores the grad mode that was active before {@link #begin()}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Autograd.setGradEnabled(previous);
        }
    }
}

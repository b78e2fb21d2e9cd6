package org.convlab.train;

/**
 * One training step, as the {@link Solver} records it.
 *
 * @param iteration    the step, counted from 1 over the whole run
 * @param epoch        the epoch it belongs to, from 1
 * @param batch        its batch within the epoch, from 1
 * @param loss         the mini-batch loss (data loss plus regularisation) before the update
 * @param learningRate the learning rate the update used
 * @param seconds      wall time since training started, when the step ended (runs resumed from a
 *                     checkpoint continue the count)
 */
public record IterationRecord(long iteration, int epoch, int batch, double loss, double learningRate, double seconds) {
}

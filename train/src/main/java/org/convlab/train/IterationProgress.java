package org.convlab.train;

/**
 * Progress after one step, sent to {@link SolverListener#onIteration}.
 *
 * @param iteration           steps taken so far in the run, from 1
 * @param iterations          steps the run will take in all
 * @param epoch               the current epoch, from 1
 * @param epochs              the last epoch
 * @param batch               the batch just done, from 1
 * @param batchesPerEpoch     batches per epoch
 * @param loss                this batch's loss
 * @param learningRate        the learning rate of this step
 * @param imagesPerSecond     training throughput over the epoch so far
 * @param secondsPerIteration average time of a step over the epoch so far
 * @param seconds             wall time since training started
 */
public record IterationProgress(long iteration, long iterations, int epoch, int epochs, int batch, int batchesPerEpoch,
                                double loss, double learningRate, double imagesPerSecond, double secondsPerIteration,
                                double seconds) {

    /** Estimated seconds until the last step, at the current pace (evaluations not included). */
    public double etaSeconds() {
        return (iterations - iteration) * secondsPerIteration;
    }
}

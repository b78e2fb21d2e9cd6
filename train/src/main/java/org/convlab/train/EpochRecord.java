package org.convlab.train;

/**
 * The accuracies at the end of an epoch, as the {@link Solver} records them; epoch 0 is the check
 * before the first step, as in CS231n.
 *
 * @param epoch              the epoch, from 0 (before training)
 * @param iteration          steps taken by the end of the epoch
 * @param trainAccuracy      accuracy on the fixed sample of training images
 * @param validationAccuracy accuracy on the validation images
 * @param learningRate       the learning rate of the epoch's last step (the initial rate for epoch 0)
 * @param seconds            wall time since training started, when the check ended
 */
public record EpochRecord(int epoch, long iteration, double trainAccuracy, double validationAccuracy,
                          double learningRate, double seconds) {
}

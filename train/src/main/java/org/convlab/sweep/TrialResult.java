package org.convlab.sweep;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

import org.convlab.train.History;

/**
 * One row of a sweep's results: a trial's index, rung and budget, its config, how it ended, its
 * metrics (NaN when it has none), its wall time, and the message of a failed or stopped trial.
 * Serializable, so that rows come back from Spark executors; the training {@linkplain #history()
 * history} is not serialized.
 */
public final class TrialResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int trial;
    private final int rung;
    private final int epochs;
    private final Config config;
    private final TrialStatus status;
    private final double validationAccuracy;
    private final double trainAccuracy;
    private final double finalLoss;
    private final double seconds;
    private final String message;
    private final transient History history;

    TrialResult(int trial, int rung, int epochs, Config config, TrialStatus status, double validationAccuracy,
                double trainAccuracy, double finalLoss, double seconds, String message, History history) {
        this.trial = trial;
        this.rung = rung;
        this.epochs = epochs;
        this.config = config;
        this.status = status;
        this.validationAccuracy = validationAccuracy;
        this.trainAccuracy = trainAccuracy;
        this.finalLoss = finalLoss;
        this.seconds = seconds;
        this.message = message == null || message.isEmpty() ? null : message;
        this.history = history;
    }

    static TrialResult of(Trial trial, TrialOutcome outcome, double seconds) {
        return new TrialResult(trial.index(), trial.rung(), trial.epochs(), trial.config(), outcome.status(),
                outcome.validationAccuracy(), outcome.trainAccuracy(), outcome.finalLoss(), seconds,
                outcome.message().orElse(null), outcome.history().orElse(null));
    }

    static TrialResult failed(Trial trial, String message, double seconds) {
        return new TrialResult(trial.index(), trial.rung(), trial.epochs(), trial.config(), TrialStatus.FAILED, Double.NaN,
                Double.NaN, Double.NaN, seconds, message, null);
    }

    /**
     * The row recording that successive halving did not promote this trial: rung {@code rung}, status
     * {@link TrialStatus#STOPPED}, the same budget and metrics, no time spent.
     */
    TrialResult notPromoted(int nextRung, String reason) {
        return new TrialResult(trial, nextRung, epochs, config, TrialStatus.STOPPED, validationAccuracy, trainAccuracy,
                finalLoss, 0, reason, history);
    }

    /** The same row with {@code seconds} as its wall time. */
    TrialResult withSeconds(double total) {
        return new TrialResult(trial, rung, epochs, config, status, validationAccuracy, trainAccuracy, finalLoss, total,
                message, history);
    }

    /** The trial's index in the sweep, from 0. */
    public int trial() {
        return trial;
    }

    /** The successive-halving rung of this row, from 0. */
    public int rung() {
        return rung;
    }

    /** The epochs the trial trained (its budget) for these metrics. */
    public int epochs() {
        return epochs;
    }

    /** The hyper-parameters. */
    public Config config() {
        return config;
    }

    /** How the trial ended. */
    public TrialStatus status() {
        return status;
    }

    /** The validation accuracy (NaN for a failed trial). */
    public double validationAccuracy() {
        return validationAccuracy;
    }

    /** The training accuracy (NaN for a failed trial). */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    /** The final loss (NaN for a failed trial). */
    public double finalLoss() {
        return finalLoss;
    }

    /** One of the metrics. */
    public double metric(Metric metric) {
        return metric.of(this);
    }

    /** Wall time of the trial, in seconds. */
    public double seconds() {
        return seconds;
    }

    /** The error of a failed trial, or why a stopped one was stopped. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The training history, if the trial ran in this JVM and its function gave one. */
    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /** {@code trial 3 COMPLETED (2 epochs): val 0.7420, train 0.7610, loss 0.7120, 4.1 s [lr=…]}. */
    @Override
    public String toString() {
        String metrics = status == TrialStatus.FAILED ? "" : String.format(Locale.ROOT, ": val %.4f, train %.4f, loss %.4f",
                validationAccuracy, trainAccuracy, finalLoss);
        return String.format(Locale.ROOT, "trial %d %s (%s%d epoch%s)%s, %.1f s [%s]%s", trial, status,
                rung > 0 ? "rung " + rung + ", " : "", epochs, epochs == 1 ? "" : "s", metrics, seconds, config,
                message == null ? "" : ": " + message);
    }
}

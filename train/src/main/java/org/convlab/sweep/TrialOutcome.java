package org.convlab.sweep;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.convlab.train.EpochRecord;
import org.convlab.train.History;
import org.convlab.train.IterationRecord;

/**
 * What a {@link TrialFunction} reports: the metrics, whether training ran its course or was stopped
 * early (and why), and the training {@link History} when there is one. The history stays in the JVM
 * that ran the trial: it is not serialized (results that come back from Spark executors have none).
 */
public final class TrialOutcome {
    private final TrialStatus status;
    private final double validationAccuracy;
    private final double trainAccuracy;
    private final double finalLoss;
    private final String message;
    private final History history;

    private TrialOutcome(TrialStatus status, double validationAccuracy, double trainAccuracy, double finalLoss,
                         String message, History history) {
        this.status = status;
        this.validationAccuracy = validationAccuracy;
        this.trainAccuracy = trainAccuracy;
        this.finalLoss = finalLoss;
        this.message = message;
        this.history = history;
    }

    /** A completed trial's metrics. */
    public static TrialOutcome completed(double validationAccuracy, double trainAccuracy, double finalLoss) {
        return new TrialOutcome(TrialStatus.COMPLETED, validationAccuracy, trainAccuracy, finalLoss, null, null);
    }

    /**
     * A completed trial's metrics, read from its history like CS231n's Solver keeps its best model: the
     * validation accuracy of the best epoch, the training accuracy of that epoch, and the loss of the
     * last step.
     *
     * @throws IllegalArgumentException if the history has no epoch check
     */
    public static TrialOutcome completed(History history) {
        if (history.best().isEmpty()) {
            throw new IllegalArgumentException("TrialOutcome: the history has no epoch check");
        }
        return fromHistory(TrialStatus.COMPLETED, null, history);
    }

    /**
     * A trial stopped early, with the metrics its history reached (as {@link #completed(History)} reads
     * them; NaN where the history has nothing yet).
     *
     * @param reason why it was stopped, e.g. {@code the loss is NaN at iteration 12}
     */
    public static TrialOutcome stopped(String reason, History history) {
        return fromHistory(TrialStatus.STOPPED, Objects.requireNonNull(reason, "reason"), history);
    }

    private static TrialOutcome fromHistory(TrialStatus status, String reason, History history) {
        Optional<EpochRecord> best = history.best();
        List<IterationRecord> steps = history.iterations();
        return new TrialOutcome(status, best.map(EpochRecord::validationAccuracy).orElse(Double.NaN),
                best.map(EpochRecord::trainAccuracy).orElse(Double.NaN),
                steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).loss(), reason, history);
    }

    /** The same metrics and history, marked stopped early for {@code reason}. */
    public TrialOutcome stopped(String reason) {
        return new TrialOutcome(TrialStatus.STOPPED, validationAccuracy, trainAccuracy, finalLoss,
                Objects.requireNonNull(reason, "reason"), history);
    }

    /** {@link TrialStatus#COMPLETED} or {@link TrialStatus#STOPPED}. */
    public TrialStatus status() {
        return status;
    }

    /** The validation accuracy. */
    public double validationAccuracy() {
        return validationAccuracy;
    }

    /** The training accuracy. */
    public double trainAccuracy() {
        return trainAccuracy;
    }

    /** The final loss. */
    public double finalLoss() {
        return finalLoss;
    }

    /** Why the trial was stopped, if it was. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The training history, if the trial function gave one. */
    public Optional<History> history() {
        return Optional.ofNullable(history);
    }

    /** {@code COMPLETED: val 0.7420, train 0.7610, loss 0.7120}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: val %.4f, train %.4f, loss %.4f%s", status, validationAccuracy,
                trainAccuracy, finalLoss, message == null ? "" : " (" + message + ")");
    }
}

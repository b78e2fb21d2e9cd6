package org.convlab.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.convlab.train.EpochRecord;
import org.convlab.train.IterationProgress;
import org.convlab.train.SolverListener;

/**
 * The command line's view of training. On a terminal, a progress bar redrawn in place (batches,
 * running loss, images/s, ETA) and one line per epoch; elsewhere (CI logs, files) plain lines, about
 * ten per epoch, and the same epoch lines.
 */
final class ProgressReporter implements SolverListener {
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 150_000_000L;
    private static final int LINES_PER_EPOCH = 10;

    private final PrintStream out;
    private final boolean terminal;
    private int epochs;
    private double epochLossSum;
    private long lastDraw;
    private int lastWidth;

    /**
     * @param out      where to print
     * @param terminal whether {@code out} is a terminal that understands carriage returns
     */
    ProgressReporter(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onStart(int firstEpoch, int lastEpoch, int batchesPerEpoch) {
        this.epochs = lastEpoch;
        if (firstEpoch <= lastEpoch) {
            out.printf(Locale.ROOT, "training epochs %d to %d, %d batches each%n", firstEpoch, lastEpoch, batchesPerEpoch);
        }
    }

    @Override
    public void onIteration(IterationProgress p) {
        if (p.batch() == 1) {
            epochLossSum = 0;
        }
        epochLossSum += p.loss();
        String line = String.format(Locale.ROOT, "epoch %d/%d %s %d/%d  loss %.4f  %.0f img/s  ETA %s", p.epoch(), p.epochs(),
                bar(p.batch(), p.batchesPerEpoch()), p.batch(), p.batchesPerEpoch(), epochLossSum / p.batch(),
                p.imagesPerSecond(), duration(p.etaSeconds()));
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || p.batch() == p.batchesPerEpoch()) {
                lastDraw = now;
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                out.flush();
                lastWidth = line.length();
            }
        } else if (p.batch() % Math.max(1, p.batchesPerEpoch() / LINES_PER_EPOCH) == 0 || p.batch() == p.batchesPerEpoch()) {
            out.println(line);
        }
    }

    @Override
    public void onEpochEnd(EpochRecord r) {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        String label = r.epoch() == 0 ? "epoch 0 (before training)" : "epoch " + r.epoch() + "/" + epochs;
        out.printf(Locale.ROOT, "%s: train acc %.4f, val acc %.4f, lr %.3g, %s elapsed%n", label, r.trainAccuracy(),
                r.validationAccuracy(), r.learningRate(), duration(r.seconds()));
    }

    private static String bar(int done, int total) {
        int filled = (int) ((long) BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    /** Seconds as {@code m:ss} or {@code h:mm:ss}. */
    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}

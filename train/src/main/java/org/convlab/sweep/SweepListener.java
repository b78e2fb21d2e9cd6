package org.convlab.sweep;

/**
 * Receives a sweep's progress, on the thread that called {@link Sweep#run()}; every method does nothing
 * by default. The command line's progress lines are one.
 */
public interface SweepListener {

    /**
     * A round starts: the first, or a finer one of a coarse-to-fine sweep.
     *
     * @param round  the round, from 0
     * @param space  the space the round searches (narrowed, after the first)
     * @param trials the trials it plans
     */
    default void onRound(int round, SearchSpace space, int trials) {
    }

    /** A trial was handed to the runner. */
    default void onTrialStart(Trial trial, SweepProgress progress) {
    }

    /** A trial ended and its row was saved. */
    default void onTrialEnd(TrialResult result, SweepProgress progress) {
    }

    /**
     * Successive halving decided a rung.
     *
     * @param rung     the rung decided
     * @param promoted trials going on to the next rung
     * @param stopped  trials stopped there
     */
    default void onRungEnd(int rung, int promoted, int stopped) {
    }
}

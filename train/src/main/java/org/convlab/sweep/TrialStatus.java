package org.convlab.sweep;

/** How a trial ended. */
public enum TrialStatus {
    /** It trained for its whole budget. */
    COMPLETED,
    /**
     * It was stopped early as hopeless: its loss became NaN or infinite (or exploded), or successive
     * halving did not promote it to the next rung. Its metrics are those reached when it stopped.
     */
    STOPPED,
    /** Its trial function threw an exception; the message says which. It has no metrics. */
    FAILED
}

/**
 * Hyper-parameter sweeps, CS231n style: random search (or a grid) over a
 * {@link org.convlab.sweep.SearchSpace} of choices, uniform, log-uniform and integer ranges, coarse to
 * fine, with hopeless trials stopped early (NaN loss, {@link org.convlab.sweep.SuccessiveHalving}).
 *
 * <p>A {@link org.convlab.sweep.Sweep} runs {@link org.convlab.sweep.Trial}s through a
 * {@link org.convlab.sweep.TrialFunction} (the standard one, {@link org.convlab.sweep.SolverTrial}, trains
 * with the Solver on the Fashion-MNIST subset) on a {@link org.convlab.sweep.Runner}: in this JVM
 * ({@link org.convlab.sweep.LocalRunner}) or on Spark (module {@code convlab-spark}). Each trial's
 * {@link org.convlab.sweep.TrialResult} is appended to a CSV log as it ends, so a sweep that dies can be
 * resumed without redoing finished trials; {@link org.convlab.sweep.SweepResults} holds them as Tablesaw
 * tables, and {@link org.convlab.plot.Plots} draws them.
 *
 * <p><b>Error policy.</b> Invalid settings throw {@link java.lang.IllegalArgumentException} when the sweep
 * is built (including a space the trial function does not understand). An exception inside a trial makes
 * that trial {@link org.convlab.sweep.TrialStatus#FAILED} and the sweep goes on; an {@link java.lang.Error}
 * ends the sweep. Files that cannot be written or read throw {@link java.io.IOException}.
 */
package org.convlab.sweep;

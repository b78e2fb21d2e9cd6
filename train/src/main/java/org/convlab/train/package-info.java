/**
 * Training, CS231n style: the {@link org.convlab.train.Solver} (mini-batch training with a learning-rate
 * schedule, accuracy checks every epoch, the best parameters kept, progress
 * {@linkplain org.convlab.train.SolverListener listeners}), its {@link org.convlab.train.History}
 * (Tablesaw tables and CSV), {@linkplain org.convlab.train.Evaluation accuracy}, and
 * {@link org.convlab.train.Checkpoint}s as NumPy {@code .npz} files written atomically and resumed
 * exactly.
 *
 * <p><b>Error policy.</b> A checkpoint that cannot be read or does not fit throws a checked
 * {@link org.convlab.train.CheckpointException} naming the file, and nothing is loaded. A loss or
 * parameter that becomes NaN or infinite stops training with an unchecked
 * {@link org.convlab.train.TrainingDivergedException} naming the iteration and the epoch; the history
 * and the last checkpoint are kept. Invalid options throw {@link java.lang.IllegalArgumentException}.
 */
package org.convlab.train;

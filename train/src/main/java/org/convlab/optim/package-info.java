/**
 * Optimizers with CS231n's update rules, exactly: {@link org.convlab.optim.Sgd},
 * {@link org.convlab.optim.SgdMomentum} (classic or Nesterov), {@link org.convlab.optim.RmsProp} and
 * {@link org.convlab.optim.Adam}, all with ε = 1e-8 added outside the square root and Adam's step count
 * incremented before its bias correction; and composable
 * {@linkplain org.convlab.optim.LearningRateSchedule learning-rate schedules}.
 *
 * <p>Every optimizer is built with a builder and bound to named parameters:
 * {@code Adam.builder().learningRate(1e-3).build(model.parameters())}. Per-parameter state is readable
 * and settable by parameter name, and saved in checkpoints.
 */
package org.convlab.optim;

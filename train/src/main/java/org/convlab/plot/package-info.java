/**
 * Plots and tables with XChart and Tablesaw: {@link org.convlab.plot.Plots} draws the loss curve (raw and
 * smoothed), the accuracy per epoch and the learning rate of a {@link org.convlab.train.History}, the charts
 * of a sweep, and a network's diagnostics (histograms per layer, filters, activation maps, predictions, the
 * confusion matrix), and saves them as PNG files; {@link org.convlab.plot.Tables} turns gradient checks,
 * layer statistics and confusion matrices into Tablesaw tables.
 */
package org.convlab.plot;

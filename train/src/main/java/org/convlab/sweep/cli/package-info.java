/**
 * The command line of sweeps, {@code ./convlab sweep}: {@link org.convlab.sweep.cli.SweepCommand}.
 */
package org.convlab.sweep.cli;

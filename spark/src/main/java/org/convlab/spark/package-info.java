/**
 * Sweeps on Apache Spark: {@link org.convlab.spark.SparkRunner} runs each trial of a
 * {@link org.convlab.sweep.Sweep} as a Spark job, locally or on a cluster, and is the {@code spark} runner of
 * {@code ./convlab sweep --runner spark}. An optional module: Spark brings about 250 MB of jars.
 */
package org.convlab.spark;

/**
 * The benchmark harness behind {@code ./convlab bench}: a {@link org.convlab.bench.Workload} is a named
 * setup returning the operation to time plus its FLOP count; a {@link org.convlab.bench.Suite} groups
 * workloads under a subcommand of {@link org.convlab.bench.Bench}; the {@link org.convlab.bench.Harness}
 * warms each up and times it in rounds; {@link org.convlab.bench.Report} prints Markdown.
 */
package org.convlab.bench;

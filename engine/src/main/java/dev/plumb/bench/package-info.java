/**
 * The pure parts of {@code plumb bench}: the targets a person writes down for a model ({@link
 * dev.plumb.bench.Targets}, read from a YAML file by {@link dev.plumb.bench.TargetsFile}), what was
 * measured of each candidate learner ({@link dev.plumb.bench.CandidateMeasurement}), and three
 * readings of those measurements: a pass/fail verdict with a signed margin for every candidate and
 * target ({@link dev.plumb.bench.Verdicts}, whose {@link dev.plumb.bench.Verdicts#anyMeetsAll()}
 * decides the exit code), the Pareto front over score, latency, size and training time ({@link
 * dev.plumb.bench.Pareto}), and the cheapest candidate within one standard error of the best score
 * ({@link dev.plumb.bench.OneStandardError}).
 *
 * <p>No I/O beyond reading the targets file, no console, no measuring: the command fills the
 * measurements and prints the results. Every type here is immutable and thread-safe.
 */
package dev.plumb.bench;

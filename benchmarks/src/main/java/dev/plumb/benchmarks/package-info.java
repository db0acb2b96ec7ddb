/**
 * Performance benchmarks for Plumb, written with JMH.
 *
 * <p>{@link dev.plumb.benchmarks.CsvReadBenchmark} answers "how long does a CSV file take to become a
 * typed table?" against a byte-scan floor. {@link dev.plumb.benchmarks.GenerateCsv} makes the
 * deterministic synthetic file it reads, and {@link dev.plumb.benchmarks.ReadOnce} reads a file once
 * (or a few times) the way a command-line run does, for measuring a whole process's time and peak
 * memory. None of this ships with the engine; the module builds the runnable
 * {@code benchmarks/target/benchmarks.jar}. See {@code benchmarks/README.md} for the commands and
 * the latest results.
 */
package dev.plumb.benchmarks;

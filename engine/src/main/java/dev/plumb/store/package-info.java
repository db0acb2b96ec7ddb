/**
 * The run store: every {@code plumb} command records what it ran and found, so that runs can be
 * listed, shown and compared later ({@code plumb runs}).
 *
 * <p><b>Design.</b> A {@link dev.plumb.store.RunRecord} is an immutable value the commands build
 * (through converters in {@code dev.plumb.cli}, because only the CLI knows every result type); it
 * holds the command line, times and exit code, the dataset version and hashes, the settings
 * (target, task, seed, split), the software versions, per-learner metrics with their fold scores,
 * the best learner, notes (diagnose verdicts, bench target checks, profile findings, failed data
 * expectations) and the command's full JSON report. {@link dev.plumb.store.RunStore} writes it in
 * one transaction into four tables ({@code runs}, {@code run_learners}, {@code run_metrics},
 * {@code run_notes}) and reads it back field for field; {@link dev.plumb.store.RunComparison}
 * tells what changed between two runs and whether each change of a mean score exceeds the noise
 * of the folds ({@link dev.plumb.store.FoldNoise}).
 *
 * <p><b>Databases.</b> Plain JDBC, no ORM or pool: a SQLite file by default ({@code
 * .plumb/plumb.db}), or PostgreSQL. One set of SQL scripts serves both; the identity column is
 * the only dialect-specific piece ({@link dev.plumb.store.Dialect}). {@link
 * dev.plumb.store.Migrations} applies the versioned scripts ({@code migrations/V<n>__*.sql}) and
 * records them in {@code schema_version}, each in a transaction holding the write lock (SQLite's
 * {@code BEGIN IMMEDIATE}, PostgreSQL's {@code pg_advisory_xact_lock}), so processes creating a
 * store at once apply each script once.
 *
 * <p><b>Reliability.</b> A run is inserted with all its rows in one transaction, so a killed
 * process leaves the whole run or nothing. SQLite runs in WAL mode with synchronous commits, a
 * 30 s busy timeout, write transactions that take the write lock at their start, and a bounded
 * retry with backoff on {@code SQLITE_BUSY}; a retry first looks up the attempt's unique key so
 * a run is never recorded twice. Failures surface as {@link dev.plumb.store.StoreException} with
 * one line for a person; the CLI turns them into a warning and keeps the command's result.
 *
 * <p>This package knows nothing of the command line; it depends on JDBC, Jackson (for the JSON
 * columns) and {@link dev.plumb.evaluate.CorrectedTTest}.
 */
package dev.plumb.store;

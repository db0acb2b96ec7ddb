/**
 * Turning a table and a target into an experiment plan: the task (binary, multiclass or
 * regression) now; the folds and learners as the baseline command grows.
 */
package dev.plumb.plan;

/**
 * Plumb's experiment backend on Apache Spark ({@code --backend spark}): the engine's {@link
 * dev.plumb.backend.ExperimentBackend} contract on hash folds, in two modes. Task-parallel runs
 * each (learner, fold, size) fit as one Spark task with Plumb's own learners, so its numbers
 * equal the local engine's; data-parallel fits MLlib estimators on a cached DataFrame, with the
 * dummies and the metrics as distributed aggregations, for data larger than one executor. Only
 * this module imports {@code org.apache.spark}.
 */
package dev.plumb.spark;

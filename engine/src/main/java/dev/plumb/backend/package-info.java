/**
 * The experiment contract that every execution backend implements: a {@link
 * dev.plumb.backend.BackendPlan} (data, target, task, learners, hash folds, learning-curve
 * fractions, metrics, seed) in, per-fold and per-size scores ({@link
 * dev.plumb.backend.BackendScores}) out. {@link dev.plumb.backend.LocalBackend} runs it in this
 * JVM; other backends (the {@code plumb-spark} module) are found with {@link
 * java.util.ServiceLoader} so that the engine never depends on them. Folds always come from
 * {@link dev.plumb.plan.HashFolds}, so every backend validates the same rows in the same fold.
 */
package dev.plumb.backend;

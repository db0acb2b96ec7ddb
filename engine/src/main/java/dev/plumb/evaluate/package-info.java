/**
 * Evaluating learners fairly: the {@link dev.plumb.evaluate.Problem} (target, task, labelled rows,
 * features), cross-validation on shared folds ({@link dev.plumb.evaluate.CrossValidation}), the
 * canonical {@link dev.plumb.evaluate.Metric}s, the corrected resampled t-test, and the baseline
 * ladder with its sanity checks ({@link dev.plumb.evaluate.Baseline}).
 */
package dev.plumb.evaluate;

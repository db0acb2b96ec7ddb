package dev.plumb.evaluate;

/**
 * A metric over folds: mean, sample standard deviation, and a 95% confidence interval of the mean
 * using Nadeau and Bengio's corrected variance (honest for overlapping training sets). Immutable.
 *
 * @param mean mean over the folds where the metric is defined
 * @param std sample standard deviation (0 for one fold)
 * @param ci95 the 95% interval of the mean (the mean itself when there is one fold)
 * @param folds how many folds it is defined on
 */
public record MetricSummary(double mean, double std, Interval ci95, int folds) {}

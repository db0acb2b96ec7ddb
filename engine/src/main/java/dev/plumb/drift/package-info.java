/**
 * Per-feature drift between a model's training data and new data, as likely causes of a score
 * drop. The training data is not at hand when new data is checked, so {@link
 * dev.plumb.drift.DriftReference} keeps a compact summary per feature in the model file (101
 * quantiles, or the counts of the 50 most frequent levels), and {@link dev.plumb.drift.DriftCheck}
 * compares new data with it by the population stability index and a two-sample test
 * (Kolmogorov–Smirnov or chi-squared), giving one {@link dev.plumb.drift.FeatureDrift} per feature.
 *
 * <p>References: Siddiqi, <i>Credit Risk Scorecards</i>, Wiley 2006, and Yurdakul, <i>Statistical
 * properties of population stability index</i>, Western Michigan University 2018 (PSI and its
 * 0.1 / 0.25 thresholds); Hyndman and Fan, "Sample quantiles in statistical packages", The
 * American Statistician 50(4), 1996 (quantile definition 7); Kolmogorov's limiting distribution and
 * Pearson's chi-squared test of homogeneity as implemented in Apache Commons Math 3.6.1.
 */
package dev.plumb.drift;

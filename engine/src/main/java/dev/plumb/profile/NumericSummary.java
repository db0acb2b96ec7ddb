package dev.plumb.profile;

/**
 * Summary statistics of a numeric or date-time column's present values. Quartiles use linear
 * interpolation between order statistics (Hyndman and Fan's type 7, the default of R, NumPy and
 * pandas); {@code std} is the sample standard deviation (n - 1). Immutable.
 *
 * @param min smallest value
 * @param max largest value
 * @param mean arithmetic mean
 * @param std sample standard deviation; 0 for a single value
 * @param q1 first quartile
 * @param median second quartile
 * @param q3 third quartile
 * @param outliers values outside {@code [q1 - 1.5 IQR, q3 + 1.5 IQR]} (Tukey's fences)
 * @param histogram value counts in bins
 */
public record NumericSummary(
    double min,
    double max,
    double mean,
    double std,
    double q1,
    double median,
    double q3,
    long outliers,
    Histogram histogram) {}

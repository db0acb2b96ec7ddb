package dev.plumb.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one feature column looked like in the training data, compact enough to travel in a model
 * file so that new data can be checked for drift without the training data. Numeric features keep
 * the 101 quantiles of their present values (Hyndman and Fan's definition 1, the inverse empirical
 * distribution function, numpy's {@code inverted_cdf}; see {@code QuantileGrid.of}); categorical
 * features keep the counts of their {@value #MAX_LEVELS} most frequent levels (ties
 * broken by level text) and the summed count of the rest as {@code other}. Immutable; written to
 * JSON as is and read back equal.
 *
 * @param name the column name
 * @param kind how the feature is summarized
 * @param rows the training rows
 * @param missing the training rows where the value is missing
 * @param quantiles numeric features: 101 quantiles at 0%, 1%, ..., 100%, ascending; empty when
 *     every value was missing, and for categorical features
 * @param levels categorical features: the most frequent levels, most frequent first; else empty
 * @param other categorical features: the count of all levels not kept; else 0
 */
public record FeatureReference(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "kind", required = true) FeatureKind kind,
    @JsonProperty(value = "rows", required = true) int rows,
    @JsonProperty(value = "missing", required = true) int missing,
    @JsonProperty("quantiles") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> quantiles,
    @JsonProperty("levels") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LevelCount> levels,
    @JsonProperty("other") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int other) {

  /** Categorical features keep at most this many levels; the rest are summed into other. */
  public static final int MAX_LEVELS = 50;

  /**
   * Validates and copies; a null list (absent from JSON) reads as empty.
   *
   * @throws IllegalArgumentException when the counts do not add up, the quantiles are not 101
   *     ascending finite numbers, or a field does not belong to the kind
   */
  public FeatureReference {
    Objects.requireNonNull(name, "feature name");
    Objects.requireNonNull(kind, "kind of feature '" + name + "'");
    quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
    levels = levels == null ? List.of() : List.copyOf(levels);
    String where = "reference of feature '" + name + "': ";
    if (rows < 1 || missing < 0 || missing > rows) {
      throw new IllegalArgumentException(where + "needs rows >= 1 and 0 <= missing <= rows, got "
          + rows + " rows and " + missing + " missing");
    }
    if (kind == FeatureKind.NUMERIC) {
      int expected = missing == rows ? 0 : QuantileGrid.SIZE;
      if (quantiles.size() != expected || !levels.isEmpty() || other != 0) {
        throw new IllegalArgumentException(where + "a numeric feature with " + (rows - missing)
            + " present values needs " + expected + " quantiles and no levels, got "
            + quantiles.size() + " quantiles and " + levels.size() + " levels");
      }
      for (int k = 0; k < quantiles.size(); k++) {
        double v = quantiles.get(k);
        if (!Double.isFinite(v) || k > 0 && v < quantiles.get(k - 1)) {
          throw new IllegalArgumentException(where + "quantile " + k + " is " + v
              + "; quantiles must be finite and ascending");
        }
      }
    } else {
      long sum = (long) other + missing + levels.stream().mapToLong(LevelCount::count).sum();
      long distinct = levels.stream().map(LevelCount::value).distinct().count();
      if (!quantiles.isEmpty() || other < 0 || sum != rows || levels.size() > MAX_LEVELS
          || distinct != levels.size()) {
        throw new IllegalArgumentException(where + "a categorical feature needs at most "
            + MAX_LEVELS + " distinct levels whose counts, other and missing add up to " + rows
            + " rows, and no quantiles; got " + levels.size() + " levels adding up to " + sum
            + " and " + quantiles.size() + " quantiles");
      }
    }
  }

  /**
   * Summarizes a training column: numeric, integer and date-time columns as numeric features,
   * boolean, categorical and text columns as categorical ones.
   *
   * @throws IllegalArgumentException when the column has no rows
   */
  public static FeatureReference of(Column column) {
    int rows = column.size();
    if (rows == 0) {
      throw new IllegalArgumentException("column '" + column.name() + "' has no rows to summarize");
    }
    if (column instanceof NumericColumn numeric) {
      double[] v = numeric.presentValues();
      Arrays.sort(v);
      List<Double> q = v.length == 0 ? List.of() : QuantileGrid.of(v);
      return new FeatureReference(column.name(), FeatureKind.NUMERIC, rows,
          column.missingCount(), q, List.of(), 0);
    }
    CategoricalColumn cat = (CategoricalColumn) column;
    int[] counts = cat.levelCounts();
    List<LevelCount> all = new ArrayList<>();
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        all.add(new LevelCount(cat.level(code), counts[code]));
      }
    }
    all.sort(Comparator.comparingInt(LevelCount::count).reversed()
        .thenComparing(LevelCount::value));
    List<LevelCount> kept = all.subList(0, Math.min(MAX_LEVELS, all.size()));
    int other = all.subList(kept.size(), all.size()).stream().mapToInt(LevelCount::count).sum();
    return new FeatureReference(column.name(), FeatureKind.CATEGORICAL, rows,
        column.missingCount(), List.of(), kept, other);
  }

  /** The share of training rows where the value was missing. */
  public double missingShare() {
    return (double) missing / rows;
  }
}

package dev.plumb.learn.smile;

import dev.plumb.learn.FeatureGroup;
import dev.plumb.learn.TrainingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.data.DataFrame;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * How the features of a {@link TrainingSet} become the predictor columns of Smile's trees: each
 * one-hot block ({@link FeatureGroup.Kind#ONE_HOT}) becomes one integer column with a Smile
 * {@link NominalScale}, and every other feature stays a column of doubles, in feature order. The
 * tree learners (tree, stump, random forest, gradient boosting) fit on these columns, and their
 * models turn each incoming row into the same columns with {@link #rows}.
 *
 * <p>Why: Smile's CART sorts every numeric column once and re-partitions every sorted order at
 * every split ({@code CART.shuffle}), so each one-hot feature costs as much as a real number. A
 * nominal column has no sorted order, and Smile splits it one level against the rest ({@code
 * value == l}), which is exactly the split a tree makes on the one-hot feature of level {@code l};
 * so the trees can make the same splits, for less.
 *
 * <p>Levels: level {@code l} is the {@code l}-th feature of the block and is named after it; one
 * more level, {@value #NONE}, is a row in which no feature of the block is 1. The preprocessor
 * writes no such training row (levels too rare to keep go to "other", missing values to
 * "missing"), but it writes one for a validation row whose value is missing when no training row's
 * was, as then the block has no "missing" feature. A level that no training row has is never the
 * level of a split, so such a row goes down the "not {@code l}" side of every split on the
 * category, as the all-zero row of one-hot features would.
 *
 * <p>Immutable and thread-safe.
 */
final class SmileColumns implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The name of the level of a row in which no feature of the one-hot block is 1. */
  static final String NONE = "(none)";

  private final int features;
  /** Per Smile column: its first feature. */
  private final int[] first;
  /** Per Smile column: the size of its one-hot block, or 0 for a feature kept as a number. */
  private final int[] width;
  /** Per Smile column: its source column's name, for messages. */
  private final String[] source;
  /** Per Smile column: the level names of a nominal column ({@value #NONE} last), else null. */
  private final String[][] levels;
  /** Whether any column is nominal. */
  private final boolean nominal;

  private SmileColumns(int features, int[] first, int[] width, String[] source,
      String[][] levels) {
    this.features = features;
    this.first = first;
    this.width = width;
    this.source = source;
    this.levels = levels;
    this.nominal = Arrays.stream(width).anyMatch(w -> w > 0);
  }

  /**
   * The columns of {@code data}: its one-hot groups as nominal columns, all other features, and
   * those no group covers, as numbers.
   *
   * @throws IllegalArgumentException when a one-hot group lies outside the features or overlaps
   *     another
   */
  static SmileColumns of(TrainingSet data) {
    int p = data.features();
    List<String> names = data.featureNames();
    FeatureGroup[] blockAt = new FeatureGroup[p];
    for (FeatureGroup g : data.groups()) {
      if (g.kind() != FeatureGroup.Kind.ONE_HOT) {
        continue;
      }
      if (g.count() < 1 || g.first() < 0 || g.first() + g.count() > p) {
        throw new IllegalArgumentException("one-hot group '" + g.column() + "' covers features "
            + g.first() + " to " + (g.first() + g.count() - 1) + " of " + p);
      }
      for (int j = g.first(); j < g.first() + g.count(); j++) {
        if (blockAt[j] != null) {
          throw new IllegalArgumentException("one-hot groups '" + blockAt[j].column() + "' and '"
              + g.column() + "' both cover feature " + j);
        }
        blockAt[j] = g;
      }
    }
    List<int[]> spans = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<String[]> levelNames = new ArrayList<>();
    for (int j = 0; j < p; ) {
      FeatureGroup g = blockAt[j];
      if (g == null) {
        spans.add(new int[] {j, 0});
        sources.add(names.get(j));
        levelNames.add(null);
        j++;
      } else {
        String[] l = new String[g.count() + 1];
        for (int k = 0; k < g.count(); k++) {
          l[k] = names.get(j + k);
        }
        l[g.count()] = NONE;
        spans.add(new int[] {j, g.count()});
        sources.add(g.column());
        levelNames.add(l);
        j += g.count();
      }
    }
    int c = spans.size();
    int[] first = new int[c];
    int[] width = new int[c];
    for (int k = 0; k < c; k++) {
      first[k] = spans.get(k)[0];
      width[k] = spans.get(k)[1];
    }
    return new SmileColumns(p, first, width, sources.toArray(String[]::new),
        levelNames.toArray(String[][]::new));
  }

  /** The number of features of an incoming row. */
  int features() {
    return features;
  }

  /** The number of Smile predictor columns: a one-hot encoded category counts once. */
  int columns() {
    return first.length;
  }

  /**
   * The predictor columns of {@code x}, named {@code f0, f1, ...}, then {@code target}.
   *
   * @throws IllegalArgumentException when a row's one-hot block holds anything but zeros and at
   *     most one 1
   */
  DataFrame frame(double[][] x, BaseVector<?, ?, ?> target) {
    int n = x.length;
    int c = columns();
    BaseVector<?, ?, ?>[] vectors = new BaseVector<?, ?, ?>[c + 1];
    for (int k = 0; k < c; k++) {
      String name = SmileFrames.name(k);
      if (width[k] == 0) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = x[i][first[k]];
        }
        vectors[k] = DoubleVector.of(name, values);
      } else {
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
          codes[i] = level(x[i], k, i);
        }
        StructField field = new StructField(name, DataTypes.IntegerType,
            new NominalScale(levels[k].clone()));
        vectors[k] = IntVector.of(field, codes);
      }
    }
    vectors[c] = target;
    return DataFrame.of(vectors);
  }

  /**
   * {@code x} as rows of Smile columns, a nominal column holding its level; {@code x} itself when
   * there is no one-hot block. The rows must be as wide as the features; the caller checks that.
   *
   * @throws IllegalArgumentException as {@link #frame} does
   */
  double[][] rows(double[][] x) {
    if (!nominal) {
      return x;
    }
    int c = columns();
    double[][] out = new double[x.length][c];
    for (int i = 0; i < x.length; i++) {
      double[] in = x[i];
      double[] row = out[i];
      for (int k = 0; k < c; k++) {
        row[k] = width[k] == 0 ? in[first[k]] : level(in, k, i);
      }
    }
    return out;
  }

  /** The level of row {@code i} in nominal column {@code k}. */
  private int level(double[] row, int k, int i) {
    int hot = width[k];
    for (int l = 0; l < width[k]; l++) {
      double v = row[first[k] + l];
      if (v == 1) {
        if (hot < width[k]) {
          throw new IllegalArgumentException("row " + i + ": the one-hot features of '"
              + source[k] + "' (" + range(k) + ") have two 1s, at features " + (first[k] + hot)
              + " and " + (first[k] + l) + "; a one-hot block has at most one");
        }
        hot = l;
      } else if (v != 0) {
        throw new IllegalArgumentException("row " + i + ": the one-hot features of '"
            + source[k] + "' (" + range(k) + ") hold " + v + " at feature " + (first[k] + l)
            + "; one-hot features are 0 or 1");
      }
    }
    return hot;
  }

  private String range(int k) {
    return width[k] == 1 ? "feature " + first[k]
        : "features " + first[k] + " to " + (first[k] + width[k] - 1);
  }
}

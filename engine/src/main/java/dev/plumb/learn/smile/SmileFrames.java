package dev.plumb.learn.smile;

import dev.plumb.learn.LearnerSpec;
import dev.plumb.learn.TrainingSet;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/**
 * Turns a {@link TrainingSet} into the column-oriented Smile {@link DataFrame} and the
 * {@link Formula} that Smile's model builders take: every feature as a column of doubles, or, for
 * the tree learners, the {@link SmileColumns} in which a one-hot block is one nominal column.
 *
 * <p>Features are named by position ({@code f0}, {@code f1}, ...) rather than by their Plumb names,
 * which may contain any character and could collide with the target's name; Smile's fitted trees
 * refer to features by position anyway. The target is the last column, {@value #TARGET}, so the
 * predictor columns Smile derives from {@code target ~ .} are the features in their own order.
 * Class targets are Plumb's class indices, which Smile re-encodes to {@code 0..k-1} over the
 * classes present; models map them back with {@code classes()}. Stateless.
 */
final class SmileFrames {
  /** The name of the target column. */
  static final String TARGET = "target";

  private SmileFrames() {}

  /** {@code target ~ .}: the target explained by every other column. A new one per call. */
  static Formula formula() {
    // a Formula caches its binding to a schema, so fits never share one
    return Formula.lhs(TARGET);
  }

  /** The name of feature {@code j}. */
  static String name(int j) {
    return "f" + j;
  }

  /** The predictor {@code columns} of the features, and class indices. */
  static DataFrame classification(TrainingSet data, SmileColumns columns) {
    return columns.frame(data.x(), IntVector.of(TARGET, data.classes()));
  }

  /** The predictor {@code columns} of the features, and the numeric target. */
  static DataFrame regression(TrainingSet data, SmileColumns columns) {
    return columns.frame(data.x(), DoubleVector.of(TARGET, data.y()));
  }

  /** Features and numeric target. */
  static DataFrame regression(TrainingSet data) {
    return frame(data.x(), null, DoubleVector.of(TARGET, data.y()));
  }

  /** Only the features listed in {@code keep}, named {@code f0, f1, ...} anew, and the target. */
  static DataFrame regression(TrainingSet data, int[] keep) {
    return frame(data.x(), keep, DoubleVector.of(TARGET, data.y()));
  }

  private static DataFrame frame(double[][] x, int[] keep, BaseVector<?, ?, ?> target) {
    int n = x.length;
    int p = keep == null ? x[0].length : keep.length;
    BaseVector<?, ?, ?>[] columns = new BaseVector<?, ?, ?>[p + 1];
    for (int j = 0; j < p; j++) {
      int source = keep == null ? j : keep[j];
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = x[i][source];
      }
      columns[j] = DoubleVector.of(name(j), column);
    }
    columns[p] = target;
    return DataFrame.of(columns);
  }

  /**
   * Checks what every Smile learner needs: a set of the learner's kind, at least one row and one
   * feature, and rows as wide as the feature list.
   *
   * @throws IllegalArgumentException with a message naming the learner and the problem
   */
  static void check(TrainingSet data, boolean classification, LearnerSpec spec) {
    if (data.task().isClassification() != classification) {
      throw new IllegalArgumentException(spec.text() + " is a "
          + (classification ? "classification" : "regression") + " learner, but the data is for "
          + data.task().label());
    }
    if (data.rows() == 0) {
      throw new IllegalArgumentException(spec.text() + " cannot fit zero rows");
    }
    if (data.features() == 0) {
      throw new IllegalArgumentException(spec.text() + " needs at least one feature");
    }
    double[][] x = data.x();
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != data.features()) {
        throw new IllegalArgumentException(spec.text() + ": row " + i + " has " + x[i].length
            + " values for " + data.features() + " features");
      }
    }
  }

  /** The class indices that occur in the training rows, in ascending order. */
  static int[] presentClasses(TrainingSet data) {
    boolean[] seen = new boolean[data.numClasses()];
    int count = 0;
    for (int c : data.classes()) {
      if (!seen[c]) {
        seen[c] = true;
        count++;
      }
    }
    int[] present = new int[count];
    for (int c = 0, k = 0; c < seen.length; c++) {
      if (seen[c]) {
        present[k++] = c;
      }
    }
    return present;
  }
}

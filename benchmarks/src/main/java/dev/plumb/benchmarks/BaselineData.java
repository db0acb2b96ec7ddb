package dev.plumb.benchmarks;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import dev.plumb.evaluate.FoldData;
import dev.plumb.evaluate.Problem;
import dev.plumb.learn.TrainingSet;
import dev.plumb.plan.Fold;
import dev.plumb.plan.Splits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Data for the baseline-ladder benchmarks ({@link FoldPreprocessBenchmark}, {@link
 * KnnPredictBenchmark}, {@link ForestPredictBenchmark}): a {@link GenerateCsv} file written to a
 * temporary directory, read with {@link CsvTableReader} the way {@code plumb baseline} reads it,
 * and turned into the {@link Problem} of predicting its {@code target} column (binary). The
 * temporary file is deleted as soon as the table is read. Everything is deterministic: the same
 * rows and seed give the same table, folds and matrices.
 */
final class BaselineData {
  /** The target column of every {@link GenerateCsv} file. */
  static final String TARGET = "target";

  /** The seed of the folds, as {@code plumb baseline}'s default {@code --seed}. */
  static final long FOLD_SEED = 42;

  private BaselineData() {}

  /** A generated table of {@code rows} rows, read from CSV. */
  static Table table(int rows, long seed) {
    try {
      Path dir = Files.createTempDirectory("plumb-bench-baseline");
      Path file = dir.resolve("rows-" + rows + ".csv");
      try {
        GenerateCsv.write(file, rows, seed);
        return CsvTableReader.read(file, CsvOptions.defaults()).table();
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The binary problem of predicting {@value #TARGET} from every other column. */
  static Problem problem(Table table) {
    return Problem.of(table, TARGET, Optional.empty());
  }

  /** The first fold of {@code plumb baseline}'s default stratified 5-fold split. */
  static Fold firstFold(Problem problem) {
    return Splits.stratifiedKFold(problem.classes(), 5, 1, FOLD_SEED).folds().get(0);
  }

  /** Labelled positions {@code from} (inclusive) to {@code to} (exclusive). */
  static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }

  /**
   * A fitted split of {@code problem}: the preprocessing fitted on the training positions, the
   * training set and the encoded query rows, as {@code CrossValidation} builds a fold.
   */
  record Split(TrainingSet train, double[][] queryX, int[] queryClasses) {}

  /** Preprocesses training positions {@code train} and query positions {@code query}. */
  static Split split(Problem problem, int[] train, int[] query) {
    FoldData fold = FoldData.of(problem, train, query, new int[0]);
    return new Split(fold.train(), fold.validationX(), fold.validationClasses());
  }

  /** Share of rows whose largest-probability class is the same in both matrices. */
  static double agreement(double[][] a, double[][] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (argmax(a[i]) == argmax(b[i])) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** Share of rows whose largest-probability class is the true one. */
  static double accuracy(double[][] proba, int[] actual) {
    int right = 0;
    for (int i = 0; i < proba.length; i++) {
      if (argmax(proba[i]) == actual[i]) {
        right++;
      }
    }
    return (double) right / proba.length;
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}

package dev.plumb.learn;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Problem;
import dev.plumb.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Writes the golden model files that {@code GoldenModelFileTest} loads: a few learners of both
 * tasks fitted on two bundled datasets, each saved by {@code plumb baseline --save-model} of the
 * build that runs this (so with its model card), beside a CSV of what it predicts for every row of
 * its dataset. Run once per format version, from the project root, and commit the output; never
 * regenerate an existing version's files (their point is that older files keep loading). The
 * version 1 files were written by this class at commit 036ef87, with {@code ModelFile.save}.
 *
 * <pre>java -cp engine/target/test-classes:engine/target/classes:$(cat cp.txt) \
 *   dev.plumb.learn.GoldenModelFiles engine/src/test/resources/golden/models/v2</pre>
 */
public final class GoldenModelFiles {
  /** Dataset, target, learner specs. */
  static final List<String[]> CASES = List.of(
      new String[] {"penguins", "species", "majority", "one_rule", "knn", "logistic", "tree",
        "naive_bayes"},
      new String[] {"concrete", "compressive_strength", "mean", "linear", "tree"});

  private GoldenModelFiles() {}

  /** File name stem of a case. */
  static String stem(String dataset, String spec) {
    return dataset + "-" + spec;
  }

  /**
   * Writes the files into the directory given as the only argument.
   *
   * @throws IOException when a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (String[] c : CASES) {
      Table table = CsvTableReader.read(Path.of("datasets", c[0] + ".csv"), CsvOptions.defaults())
          .table();
      Problem problem = Problem.of(table, c[1], Optional.empty());
      for (int i = 2; i < c.length; i++) {
        Path file = dir.resolve(stem(c[0], c[i]) + ".plumbmdl");
        String trivial = problem.task().isClassification() ? "majority" : "mean";
        int code = Main.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
            false, "baseline", "datasets/" + c[0] + ".csv", "--target", c[1], "--learners",
            c[i].equals(trivial) ? trivial : trivial + "," + c[i], "--save-model", c[i],
            file.toString(), "--quiet");
        if (code != 0) {
          throw new IllegalStateException("baseline exited " + code);
        }
        FittedPipeline fitted = ModelFile.load(file);
        int[] rows = IntStream.range(0, table.rowCount()).toArray();
        List<String> lines = new ArrayList<>();
        if (problem.task().isClassification()) {
          lines.add(String.join(",", fitted.classNames()));
          for (double[] p : fitted.predictProba(table, rows)) {
            List<String> cells = new ArrayList<>();
            for (double v : p) {
              cells.add(Double.toString(v));
            }
            lines.add(String.join(",", cells));
          }
        } else {
          lines.add("prediction");
          for (double v : fitted.predict(table, rows)) {
            lines.add(Double.toString(v));
          }
        }
        Files.write(dir.resolve(stem(c[0], c[i]) + ".predictions.csv"), lines);
      }
    }
  }
}

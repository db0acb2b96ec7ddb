package dev.plumb.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Small generated CSVs for the contract suite, the same for every backend: a binary and a
 * three-class problem (two numeric features, one with missing values, and a colour), and a
 * regression. Every row is distinct, so that fold assignments can be compared by row key.
 */
final class ContractData {
  final Path binary;
  final Path multiclass;
  final Path regression;

  private ContractData(Path binary, Path multiclass, Path regression) {
    this.binary = binary;
    this.multiclass = multiclass;
    this.regression = regression;
  }

  static ContractData write(Path dir) {
    try {
      return new ContractData(write(dir.resolve("binary.csv"), 2, 400, 11),
          write(dir.resolve("multiclass.csv"), 3, 360, 12),
          write(dir.resolve("regression.csv"), 0, 400, 13));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, int classes, int n, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] colours = {"red", "green", "blue"};
    StringBuilder sb = new StringBuilder("x1,x2,colour,y\n");
    for (int i = 0; i < n; i++) {
      double x1 = rnd.nextDouble() * 10;
      double x2 = rnd.nextGaussian();
      int colour = rnd.nextInt(3);
      double signal = x1 - 5 + 1.5 * x2 + (colour == 2 ? 1 : 0) + rnd.nextGaussian();
      String y;
      if (classes == 0) {
        y = String.format(Locale.ROOT, "%.4f", 3 * signal + 20);
      } else if (classes == 2) {
        y = signal > 0 ? "yes" : "no";
      } else {
        y = signal < -1.5 ? "low" : signal < 1.5 ? "mid" : "high";
      }
      String x2Text = rnd.nextInt(20) == 0 ? "NA" : String.format(Locale.ROOT, "%.5f", x2);
      sb.append(String.format(Locale.ROOT, "%.6f", x1)).append(',').append(x2Text).append(',')
          .append(colours[colour]).append(',').append(y).append('\n');
    }
    Files.writeString(file, sb);
    return file;
  }
}

package dev.plumb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generated labelled data for the check tests: {@code y = 1} when {@code x1 + 0.5 x2 + noise > 0},
 * with a categorical {@code colour} that carries no signal. The "recalibrated" variant adds 2 to
 * every recorded {@code x1} (a sensor whose offset changed after training) while the labels still
 * follow the true value: a covariate shift that breaks the model.
 */
public final class ShiftData {
  private ShiftData() {}

  /** Writes {@code rows} rows to {@code file}; {@code x1Offset} is added to the recorded x1. */
  public static Path write(Path file, int rows, long seed, double x1Offset) {
    SplittableRandom rng = new SplittableRandom(seed);
    String[] colours = {"red", "green", "blue"};
    List<String> lines = new ArrayList<>();
    lines.add("x1,x2,colour,y");
    for (int i = 0; i < rows; i++) {
      double x1 = gaussian(rng);
      double x2 = gaussian(rng);
      double noise = 0.3 * gaussian(rng);
      int y = x1 + 0.5 * x2 + noise > 0 ? 1 : 0;
      lines.add(String.format(Locale.ROOT, "%.5f,%.5f,%s,%s", x1 + x1Offset, x2,
          colours[rng.nextInt(3)], y == 1 ? "yes" : "no"));
    }
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller, one value per call
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

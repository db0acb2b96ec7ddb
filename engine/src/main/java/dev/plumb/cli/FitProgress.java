package dev.plumb.cli;

import dev.plumb.evaluate.CrossValidation;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr for the fits of a run, redrawn in place; silent when stderr is not a
 * terminal or with {@code --quiet}. Thread-safe: fits finish on worker threads.
 */
final class FitProgress implements CrossValidation.Progress {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private boolean drawn;

  FitProgress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  @Override
  public synchronized void fitDone(int done, int total, String what) {
    if (!enabled) {
      return;
    }
    int filled = (int) ((long) WIDTH * done / Math.max(1, total));
    double elapsed = (System.nanoTime() - start) / 1e9;
    double eta = done == 0 ? 0 : elapsed / done * (total - done);
    err.printf(Locale.ROOT, "\rfitting [%s%s] %d/%d  %.0fs elapsed, ~%.0fs left  %-20s",
        "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, elapsed, eta, what);
    err.flush();
    drawn = true;
  }

  synchronized void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 80) + "\r");
      err.flush();
      drawn = false;
    }
  }
}

package dev.plumb.cli;

import dev.plumb.data.CsvTableReader;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr, redrawn in place, for reading large files. Silent when
 * stderr is not a terminal or with {@code --quiet}, so logs and pipes stay clean. Not thread-safe.
 */
final class ProgressLine implements CsvTableReader.Progress {
  private static final long MIN_BYTES = 32L << 20;
  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private boolean drawn;

  ProgressLine(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
  }

  @Override
  public void bytesRead(long done, long total) {
    if (!enabled || total < MIN_BYTES) {
      return;
    }
    if (done >= total) {
      clear();
      return;
    }
    err.printf(Locale.ROOT, "\r%s %3d%% (%d of %d MB)", label, 100 * done / total, done >> 20,
        total >> 20);
    err.flush();
    drawn = true;
  }

  /** Removes the line, if drawn. */
  void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(label.length() + 32) + "\r");
      err.flush();
      drawn = false;
    }
  }
}

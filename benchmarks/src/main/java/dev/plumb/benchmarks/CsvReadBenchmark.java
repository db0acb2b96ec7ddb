package dev.plumb.benchmarks;

import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question: how long does it take to turn a CSV file into a typed {@link Table}?
 *
 * <p>The file is made by {@link GenerateCsv} (20 numeric columns, 2 categorical, a yes/no target;
 * about 185 bytes a row) once per trial, in a temporary directory that {@link #tearDown()} removes.
 * To reuse a file that already exists, pass its path in the system property {@value #CSV_PROPERTY}
 * of the forked JVM; it must then hold exactly {@code rows} data rows, and it is left in place.
 *
 * <p>Two benchmarks, to be read side by side:
 *
 * <ul>
 *   <li>{@link #baseline()} reads the file's bytes through a {@link FileChannel} into one reused
 *       buffer and counts the newlines: the floor that no CSV reader in this JVM can beat, since
 *       it must at least look at every byte once. The file sits in the page cache after the
 *       first iteration, so this measures memory bandwidth and a simple loop, not the disk.
 *   <li>{@link #readTable()} is {@link CsvTableReader#read} with the default options, as every
 *       command calls it: sniffing, parsing, type inference, building the columns, the SHA-256 of
 *       the bytes (on a second thread) and the content fingerprint of the table.
 * </ul>
 *
 * <p>The forked JVM gets {@code -Xmx1g}: the reader must hold its peak heap under 1 GB, and a run
 * that needed more would fail with an {@link OutOfMemoryError} instead of producing a score.
 * JMH's command-line {@code -jvmArgsAppend} replaces the annotation's, so pass extra flags with
 * {@code -jvmArgsPrepend} (or repeat {@code -Xmx1g}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CsvReadBenchmark {
  /** System property naming an existing CSV file to read instead of generating one. */
  public static final String CSV_PROPERTY = "plumb.bench.csv";

  /** Data rows in the generated file (besides the header). */
  @Param({"1000000"})
  public int rows;

  private Path file;
  private Path tempDir;
  private ByteBuffer buffer;

  /** Creates the benchmark state; JMH calls it. */
  public CsvReadBenchmark() {}

  /**
   * Generates the file (or checks the one given) and allocates the scan buffer.
   *
   * @throws IOException when the file cannot be written or read
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    buffer = ByteBuffer.allocateDirect(1 << 20);
    String given = System.getProperty(CSV_PROPERTY, "");
    if (!given.isBlank()) {
      file = Path.of(given);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(CSV_PROPERTY + "=" + given + ": no such file; make it with"
            + " GenerateCsv " + given + " " + rows);
      }
      long lines = baseline();
      if (lines != rows + 1L) {
        throw new IllegalStateException(String.format(java.util.Locale.ROOT,
            "%s has %d lines, but rows=%d asks for %d (header + rows); pass -p rows=%d",
            file, lines, rows, rows + 1L, lines - 1));
      }
    } else {
      tempDir = Files.createTempDirectory("plumb-bench");
      file = tempDir.resolve("rows-" + rows + ".csv");
      GenerateCsv.write(file, rows, GenerateCsv.DEFAULT_SEED);
    }
  }

  /**
   * Deletes the generated file and its directory; a file given by {@value #CSV_PROPERTY} stays.
   *
   * @throws IOException when the files cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (tempDir != null) {
      Files.deleteIfExists(file);
      Files.deleteIfExists(tempDir);
    }
  }

  /**
   * The byte-scan floor: every byte of the file read into a reused direct buffer, newlines
   * counted.
   *
   * @return the number of newline bytes, so that the work cannot be optimized away
   */
  @Benchmark
  public long baseline() {
    long newlines = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = buffer;
      while (true) {
        b.clear();
        int n = ch.read(b);
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            newlines++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return newlines;
  }

  /**
   * The whole read: file to typed, fingerprinted table.
   *
   * @return the table, so that the work cannot be optimized away
   */
  @Benchmark
  public Table readTable() {
    return CsvTableReader.read(file, CsvOptions.defaults()).table();
  }
}

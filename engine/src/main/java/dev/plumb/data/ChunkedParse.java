package dev.plumb.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parses a large CSV file without quotes on several cores: the bytes after the header are cut at
 * line ends into one chunk per thread, each chunk goes through its own FastCSV reader into its own
 * column builders, and the builders are appended in file order. The result equals a sequential
 * read's (levels are sorted at the end, examples and bad lines keep file order). When a chunk
 * meets a quote character (a quoted field may hold a line break, so the cut may be wrong) or the
 * chunks disagree about a column's type, it gives up and the caller reads sequentially. Stateless.
 */
final class ChunkedParse {
  private ChunkedParse() {}

  /** Thrown inside a chunk that meets a quote: the cut at line ends may not be record ends. */
  private static final class QuoteSeen extends IOException {
    private static final long serialVersionUID = 1L;

    QuoteSeen() {
      super("quote in chunk");
    }
  }

  /**
   * The merged first pass, or null when the file must be read sequentially.
   *
   * @throws BadInputException for a bad header
   */
  static CsvTableReader.Pass1 run(Path path, CsvOptions options, char delimiter, char decimal,
      int bom, long size, int chunks, CsvTableReader.Progress progress) {
    long[] bounds;
    long headerEnd;
    long blankAfterHeader;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      headerEnd = nextLineStart(ch, bom, size);
      if (headerEnd < 0 || headerEnd >= size) {
        return null;
      }
      // a chunk never starts on a blank line: FastCSV does not count leading blank lines, so the
      // line numbers of the chunk would shift; blank lines go to the end of the chunk before
      bounds = new long[chunks + 1];
      bounds[0] = skipBlankLines(ch, headerEnd, size);
      blankAfterHeader = countNewlines(ch, headerEnd, bounds[0]);
      for (int k = 1; k < chunks; k++) {
        long target = headerEnd + (size - headerEnd) * k / chunks;
        long cut = nextLineStart(ch, Math.max(target, bounds[k - 1]), size);
        bounds[k] = cut < 0 ? size : skipBlankLines(ch, cut, size);
      }
      bounds[chunks] = size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> names = header(path, options, delimiter, decimal, bom, headerEnd);

    AtomicLong done = new AtomicLong(headerEnd);
    ExecutorService pool = Executors.newFixedThreadPool(chunks, r -> {
      Thread t = new Thread(r, "plumb-csv-chunk");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Chunk>> futures = new ArrayList<>();
      for (int k = 0; k < chunks; k++) {
        long from = bounds[k];
        long to = bounds[k + 1];
        futures.add(pool.submit(() -> parseChunk(path, options, delimiter, decimal, names, from,
            to, size, done, progress)));
      }
      List<Chunk> parsed = new ArrayList<>();
      for (Future<Chunk> f : futures) {
        Chunk c = join(f);
        if (c == null) {
          return null;
        }
        parsed.add(c);
      }
      long lineOffset = 1 + blankAfterHeader; // the header is line 1
      CsvTableReader.Pass1 merged = shift(parsed.get(0).pass, lineOffset);
      lineOffset += parsed.get(0).newlines;
      for (int k = 1; k < parsed.size(); k++) {
        if (!merged.append(parsed.get(k).pass, lineOffset)) {
          return null;
        }
        lineOffset += parsed.get(k).newlines;
      }
      return merged;
    } finally {
      pool.shutdownNow();
    }
  }

  private record Chunk(CsvTableReader.Pass1 pass, long newlines) {}

  /** The first chunk's pass with its lines moved from chunk-relative to file lines. */
  private static CsvTableReader.Pass1 shift(CsvTableReader.Pass1 first, long lineOffset) {
    CsvTableReader.Pass1 empty = new CsvTableReader.Pass1(first.path(), first.options(),
        first.decimal(), first.names());
    if (!empty.append(first, lineOffset)) {
      throw new IllegalStateException("an empty pass always takes a chunk");
    }
    return empty;
  }

  private static long skipBlankLines(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    long pos = from;
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        return pos;
      }
      int i = 0;
      while (i < n) {
        byte b = buf.get(i);
        if (b == '\n') {
          pos += i + 1;
          break;
        } else if (b != '\r') {
          return pos;
        }
        i++;
      }
      if (i == n) {
        return pos; // a long run of carriage returns: leave it to the parser
      }
    }
    return pos;
  }

  private static long countNewlines(FileChannel ch, long from, long to) throws IOException {
    long count = 0;
    ByteBuffer buf = ByteBuffer.allocate(4096);
    for (long pos = from; pos < to; ) {
      buf.clear();
      buf.limit((int) Math.min(buf.capacity(), to - pos));
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') {
          count++;
        }
      }
      pos += n;
    }
    return count;
  }

  private static Chunk parseChunk(Path path, CsvOptions options, char delimiter, char decimal,
      List<String> names, long from, long to, long size, AtomicLong done,
      CsvTableReader.Progress progress) throws IOException {
    CsvTableReader.Pass1 pass = new CsvTableReader.Pass1(path, options, decimal, names);
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.position(from);
      ChunkStream in = new ChunkStream(ch, to - from, done, size, progress);
      try {
        CsvTableReader.drain(pass, CsvTableReader.decoding(in, options), delimiter);
      } catch (RuntimeException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
          if (c instanceof QuoteSeen) {
            return null;
          }
        }
        throw e;
      }
      return new Chunk(pass, in.newlines);
    } catch (QuoteSeen e) {
      return null;
    }
  }

  private static List<String> header(Path path, CsvOptions options, char delimiter, char decimal,
      int bom, long headerEnd) {
    byte[] bytes;
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate((int) (headerEnd - bom));
      ch.position(bom);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // fill
      }
      bytes = buf.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvTableReader.Pass1 headerPass = new CsvTableReader.Pass1(path, options, decimal);
    try {
      CsvTableReader.drain(headerPass, new java.io.StringReader(new String(bytes,
          options.encoding())), delimiter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return headerPass.names();
  }

  /** The offset just after the first line feed at or after {@code from}, or -1 if none. */
  private static long nextLineStart(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long pos = from;
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        return -1;
      }
      for (int i = 0; i < n; i++) {
        if (buf.get(i) == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return -1;
  }

  private static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(c);
    }
  }

  /**
   * The bytes of one chunk: counts line feeds, stops the chunk at the first quote character, and
   * adds to the shared progress.
   */
  private static final class ChunkStream extends InputStream {
    private static final long STEP = 8L << 20;
    private final FileChannel ch;
    private long remaining;
    private final AtomicLong done;
    private final long total;
    private final CsvTableReader.Progress progress;
    private long sinceReport;
    long newlines;

    ChunkStream(FileChannel ch, long length, AtomicLong done, long total,
        CsvTableReader.Progress progress) {
      this.ch = ch;
      this.remaining = length;
      this.done = done;
      this.total = total;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int want = (int) Math.min(len, remaining);
      int n = ch.read(ByteBuffer.wrap(b, off, want));
      if (n <= 0) {
        return -1;
      }
      for (int i = off; i < off + n; i++) {
        byte x = b[i];
        if (x == '\n') {
          newlines++;
        } else if (x == '"') {
          throw new QuoteSeen();
        }
      }
      remaining -= n;
      sinceReport += n;
      if (sinceReport >= STEP) {
        progress.bytesRead(done.addAndGet(sinceReport), total);
        sinceReport = 0;
      }
      return n;
    }
  }
}

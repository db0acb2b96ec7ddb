package dev.plumb.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Reads a CSV file into a typed {@link Table}, streaming: memory grows with the typed columns, not
 * with the text.
 *
 * <p>FastCSV does the RFC 4180 tokenizing (quotes, embedded delimiters, quotes and newlines, CRLF
 * or LF). Plumb does the rest: a header row is required; the delimiter is detected among
 * {@code , ; TAB |} unless given; values equal to a missing-value token (after trimming, ignoring
 * case) are missing; numbers may be padded with spaces. Each column's type is inferred from all of
 * its values: numbers ({@code integer} when all are integral, else {@code numeric}); else ISO-8601
 * dates or date-times ({@code datetime}); else two-valued yes/no words ({@code boolean}); else text,
 * {@code text} when more than half of the values (and over 20) are distinct, {@code categorical}
 * otherwise. Integers written with leading zeros ({@code 007}) or with more than 15 digits are
 * codes, not quantities, and stay text.
 *
 * <p>While it parses on one core, another hashes the bytes and checks the encoding. Stateless and
 * thread-safe; every call reads the file anew and never writes to it.
 */
public final class CsvTableReader {
  private static final int MAX_LISTED_LINES = 5;

  /** Receives how many bytes have been parsed so far, out of the total. */
  @FunctionalInterface
  public interface Progress {
    /** Called from the reading thread now and then. */
    void bytesRead(long done, long total);

    /** Ignores progress. */
    Progress NONE = (done, total) -> {};
  }

  private CsvTableReader() {}

  /** Reads {@code path} with {@code options}. */
  public static Dataset read(Path path, CsvOptions options) {
    return read(path, options, Progress.NONE);
  }

  /**
   * Reads {@code path} with {@code options}, reporting progress.
   *
   * @throws BadInputException for a missing, unreadable, empty, binary or malformed file, with a
   *     message that names the place and the remedy
   */
  public static Dataset read(Path path, CsvOptions options, Progress progress) {
    checkReadable(path);
    long size;
    byte[] head;
    try {
      size = Files.size(path);
      head = FileSniffer.head(path);
    } catch (IOException e) {
      throw new BadInputException(path + ": cannot read the file (" + e.getMessage() + ")", e);
    }
    if (size == 0) {
      throw new BadInputException(
          path + ": the file is empty (0 bytes); expected a header line and data rows");
    }
    FileSniffer.rejectKnownBinary(path, head);
    boolean utf8 = options.encoding().equals(StandardCharsets.UTF_8);
    int bom = utf8 ? FileSniffer.utf8BomLength(head) : 0;
    char delimiter = options.delimiter().orElseGet(() -> FileSniffer.detectDelimiter(head, bom));
    char decimal =
        switch (options.decimalMark()) {
          case POINT -> '.';
          case COMMA -> ',';
          case AUTO -> delimiter == ';' ? FileSniffer.detectDecimalMark(head, bom, delimiter) : '.';
        };
    if (decimal == delimiter) {
      throw new BadInputException(
          path + ": the decimal mark and the delimiter are both " + CsvOptions.printable(delimiter)
              + "; pass --delimiter or --decimal");
    }

    CompletableFuture<ByteScan> scan =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                // the decoder already rejects invalid UTF-8; the scan only locates it on failure
                return ByteScan.of(path, false);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            CsvTableReader::daemonThread);

    Pass1 pass1 = null;
    try {
      int chunks = chunkCount(size, head);
      if (chunks > 1) {
        pass1 = ChunkedParse.run(path, options, delimiter, decimal, bom, size, chunks, progress);
      }
      if (pass1 == null) {
        pass1 = new Pass1(path, options, decimal);
        parse(path, options, delimiter, bom, pass1, size, progress);
      }
    } catch (BadInputException e) {
      throw e;
    } catch (RuntimeException e) {
      awaitQuietly(scan);
      throw explainParseFailure(path, options, e);
    }
    ByteScan bytes = await(scan, path);
    bytes.nul().ifPresent(p -> {
      throw new BadInputException(String.format(
          "%s: line %d (byte offset %d) holds a NUL byte, so this looks like a binary file, not CSV;"
              + " export the data as CSV text", path, p.line(), p.offset()));
    });
    pass1.finish();

    List<ColumnBuilder> builders = pass1.builders;
    int rereadRows = 0;
    for (ColumnBuilder b : builders) {
      if (b.needsReread()) {
        rereadRows = Math.max(rereadRows, b.rereadLimit());
      }
    }
    if (rereadRows > 0) {
      Pass2 pass2 = new Pass2(pass1.headerCount, builders, rereadRows);
      parse(path, options, delimiter, bom, pass2, size, Progress.NONE);
    }
    List<Column> columns = new ArrayList<>(builders.size());
    List<ReadInfo.ColumnReadStats> stats = new ArrayList<>(builders.size());
    for (ColumnBuilder b : builders) {
      columns.add(b.build());
      stats.add(new ReadInfo.ColumnReadStats(
          b.name, b.numberCount(), b.textCount(), b.textExamples(), b.textExampleLines()));
    }
    Table table = new Table(columns);
    String lineEnding = bytes.crlfLines() > 0 && bytes.lfLines() > 0 ? "mixed"
        : bytes.crlfLines() > 0 ? "CRLF" : bytes.lfLines() > 0 ? "LF" : "none";
    ReadInfo info = new ReadInfo(delimiter, options.encoding().name(), bom > 0, lineEnding, decimal,
        pass1.badRows, pass1.bad.stream().map(BadRow::line).toList(), stats);
    progress.bytesRead(size, size);
    return new Dataset(path, table, DatasetVersion.of(table, bytes.sha256()), info);
  }

  /** Files at least this large are parsed in chunks on several cores, when that is safe. */
  static long parallelMinBytes = 8L << 20;

  /**
   * How many chunks to parse in parallel: one per core (at most 8), for files large enough to
   * gain, and only when the first bytes hold no quote character (a quoted field may hold a line
   * break, so only a file without quotes can be cut at any line end; each chunk checks its own
   * bytes too, and the whole read falls back to one sequential pass when it meets a quote).
   */
  private static int chunkCount(long size, byte[] head) {
    if (size < parallelMinBytes) {
      return 1;
    }
    for (byte b : head) {
      if (b == '"') {
        return 1;
      }
    }
    return Math.min(8, Runtime.getRuntime().availableProcessors());
  }

  static void parse(Path path, CsvOptions options, char delimiter, int bom,
      AbstractBaseCsvCallbackHandler<Boolean> handler, long size, Progress progress) {
    try (InputStream raw = Files.newInputStream(path);
        InputStream counted = new CountingStream(raw, size, progress)) {
      counted.skipNBytes(bom);
      drain(handler, decoding(counted, options), delimiter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader that reports bytes that are not valid in the file's encoding instead of hiding them. */
  static Reader decoding(InputStream in, CsvOptions options) {
    return new InputStreamReader(in, options.encoding().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** Feeds every record of {@code text} to {@code handler} until it asks to stop. */
  static void drain(AbstractBaseCsvCallbackHandler<Boolean> handler, Reader text, char delimiter)
      throws IOException {
    try (CsvReader<Boolean> reader = CsvReader.builder()
        .fieldSeparator(delimiter)
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .build(handler, text)) {
      for (Boolean more : reader) {
        if (!more) {
          break;
        }
      }
    }
  }

  private static java.util.Optional<ByteScan.Position> locateInvalidUtf8(Path path) {
    try {
      return ByteScan.of(path, true).invalidUtf8();
    } catch (IOException io) {
      return java.util.Optional.empty();
    }
  }

  private static RuntimeException explainParseFailure(Path path, CsvOptions options,
      RuntimeException e) {
    // Our own errors thrown from the record handler come back wrapped in a CsvParseException:
    // look for them first, or they would be reported as malformed quoting.
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BadInputException bad) {
        return bad;
      }
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof CharacterCodingException
          && options.encoding().equals(StandardCharsets.UTF_8)) {
        java.util.Optional<ByteScan.Position> where = locateInvalidUtf8(path);
        if (where.isPresent()) {
          return invalidUtf8(path, where.get());
        }
      }
      if (cause instanceof CharacterCodingException) {
        return new BadInputException(path + ": the file is not valid " + "text in the chosen"
            + " encoding; pass --encoding with the file's character set (e.g. ISO-8859-1)", e);
      }
      if (cause instanceof CsvParseException) {
        return malformed(path, (CsvParseException) cause, e);
      }
      cause = cause.getCause();
    }
    if (e instanceof UncheckedIOException io) {
      return new BadInputException(path + ": cannot read the file (" + io.getCause().getMessage()
          + ")", e);
    }
    return e;
  }

  private static BadInputException malformed(Path path, CsvParseException outer, Throwable e) {
    Throwable inner = outer;
    while (inner.getCause() instanceof CsvParseException deeper) {
      inner = deeper;
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("started in line (\\d+)").matcher(outer.getMessage());
    String where = m.find() ? "the record starting at line " + m.group(1) : "a record";
    return new BadInputException(String.format(
        "%s: %s is malformed (%s); check the quoting there: a quote opened in a field must be"
            + " closed, and a quote inside a field must be doubled",
        path, where, inner.getMessage()), e);
  }

  private static BadInputException invalidUtf8(Path path, ByteScan.Position p) {
    return new BadInputException(String.format(
        "%s: invalid UTF-8 at line %d (byte offset %d); re-save the file as UTF-8, or pass"
            + " --encoding with its character set (e.g. --encoding ISO-8859-1)",
        path, p.line(), p.offset()));
  }

  private static void checkReadable(Path path) {
    if (!Files.exists(path)) {
      throw new BadInputException(path + ": no such file; check the path");
    }
    if (Files.isDirectory(path)) {
      throw new BadInputException(path + ": is a directory; give the path of a CSV file");
    }
    if (!Files.isReadable(path)) {
      throw new BadInputException(path + ": permission denied; make the file readable");
    }
  }

  private static ByteScan await(CompletableFuture<ByteScan> scan, Path path) {
    try {
      return scan.join();
    } catch (CompletionException e) {
      throw new BadInputException(path + ": cannot read the file (" + e.getCause().getMessage()
          + ")", e);
    }
  }

  private static ByteScan awaitQuietly(CompletableFuture<ByteScan> scan) {
    try {
      return scan.join();
    } catch (CompletionException e) {
      return null;
    }
  }

  private static void daemonThread(Runnable r) {
    Thread t = new Thread(r, "plumb-bytescan");
    t.setDaemon(true);
    t.start();
  }

  /** Collects one record's fields so that a ragged row can be dropped whole. */
  abstract static class RecordHandler extends AbstractBaseCsvCallbackHandler<Boolean> {
    char[] chars = new char[4096];
    int[] starts = new int[64];
    int[] lengths = new int[64];
    int fields;
    int used;
    boolean multiline;
    long line;

    @Override
    protected void handleBegin(long startingLineNumber) {
      fields = 0;
      used = 0;
      multiline = false;
      line = startingLineNumber;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
      if (fields == starts.length) {
        starts = Arrays.copyOf(starts, fields * 2);
        lengths = Arrays.copyOf(lengths, fields * 2);
      }
      if (used + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
      }
      System.arraycopy(buf, offset, chars, used, len);
      if (quoted && !multiline) {
        for (int i = offset; i < offset + len; i++) {
          if (buf[i] == '\n' || buf[i] == '\r') {
            multiline = true;
            break;
          }
        }
      }
      starts[fields] = used;
      lengths[fields] = len;
      used += len;
      fields++;
    }

    @Override
    protected Boolean buildRecord() {
      if (getRecordType() != de.siegmar.fastcsv.reader.RecordType.DATA) {
        return true;
      }
      return record();
    }

    /** Handles the collected record; false stops the reading. */
    abstract boolean record();
  }

  /** The main pass: header, then every row into the column builders. */
  static final class Pass1 extends RecordHandler {
    private final Path path;
    private final CsvOptions options;
    private final char decimal;
    final List<ColumnBuilder> builders = new ArrayList<>();
    int headerCount = -1;
    long dataRows;
    long badRows;
    final List<BadRow> bad = new ArrayList<>();

    Pass1(Path path, CsvOptions options, char decimal) {
      this.path = path;
      this.options = options;
      this.decimal = decimal;
    }

    /** A pass over a later chunk of the file: the header is known, every record is data. */
    Pass1(Path path, CsvOptions options, char decimal, List<String> names) {
      this(path, options, decimal);
      headerCount = names.size();
      for (String name : names) {
        builders.add(new ColumnBuilder(name, decimal, options.naTokens()));
      }
    }

    List<String> names() {
      return builders.stream().map(b -> b.name).toList();
    }

    Path path() {
      return path;
    }

    CsvOptions options() {
      return options;
    }

    char decimal() {
      return decimal;
    }

    /**
     * Appends a later chunk's rows (whose lines are counted from 1 within the chunk) after this
     * pass's rows; false when the chunks disagree in a way only a sequential read can settle.
     */
    boolean append(Pass1 later, long lineOffset) {
      for (int i = 0; i < builders.size(); i++) {
        if (!builders.get(i).append(later.builders.get(i), lineOffset)) {
          return false;
        }
      }
      dataRows += later.dataRows;
      badRows += later.badRows;
      for (BadRow b : later.bad) {
        if (bad.size() < MAX_LISTED_LINES) {
          bad.add(new BadRow(b.line() + lineOffset, b.fields(), b.multiline()));
        }
      }
      return true;
    }

    @Override
    boolean record() {
      if (headerCount < 0) {
        header();
        return true;
      }
      if (fields != headerCount) {
        badRows++;
        if (bad.size() < MAX_LISTED_LINES) {
          bad.add(new BadRow(line, fields, multiline));
        }
        return true;
      }
      for (int i = 0; i < fields; i++) {
        builders.get(i).add(chars, starts[i], lengths[i], line);
      }
      dataRows++;
      if (dataRows == Integer.MAX_VALUE - 16) {
        throw new BadInputException(path + ": more than " + (Integer.MAX_VALUE - 16)
            + " rows; split the file");
      }
      return true;
    }

    private void header() {
      headerCount = fields;
      List<String> names = new ArrayList<>();
      for (int i = 0; i < fields; i++) {
        names.add(new String(chars, starts[i], lengths[i]).strip());
      }
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).isEmpty()) {
          throw new BadInputException(String.format(
              "%s: line %d, column %d: the header has an empty column name; name every column"
                  + " (a CSV needs a header row)", path, line, i + 1));
        }
      }
      Map<String, Integer> seen = new HashMap<>();
      Set<String> taken = new HashSet<>(names);
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        Integer first = seen.putIfAbsent(name, i);
        if (first == null) {
          continue;
        }
        if (options.duplicateColumns() == CsvOptions.DuplicateColumnPolicy.FAIL) {
          throw new BadInputException(String.format(
              "%s: line %d: the header names column '%s' twice (columns %d and %d); rename one,"
                  + " or pass --duplicate-columns rename", path, line, name, first + 1, i + 1));
        }
        int k = 2;
        while (taken.contains(name + "_" + k)) {
          k++;
        }
        names.set(i, name + "_" + k);
        taken.add(name + "_" + k);
      }
      for (String name : names) {
        builders.add(new ColumnBuilder(name, decimal, options.naTokens()));
      }
    }

    void finish() {
      if (headerCount < 0) {
        throw new BadInputException(path + ": no header line (the file holds only blank lines);"
            + " expected a header line and data rows");
      }
      if (badRows > 0 && options.badRows() == CsvOptions.BadRowPolicy.FAIL) {
        List<String> badDetails = bad.stream().map(BadRow::describe).toList();
        String more = badRows > badDetails.size()
            ? " and " + (badRows - badDetails.size()) + " more" : "";
        throw new BadInputException(String.format(
            "%s: %d %s a different number of fields than the header's %d: %s%s; fix them, or pass"
                + " --bad-rows skip to leave them out",
            path, badRows, badRows == 1 ? "row has" : "rows have", headerCount,
            String.join(", ", badDetails), more));
      }
      if (dataRows == 0) {
        throw new BadInputException(path + ": the file has a header ("
            + builders.stream().map(b -> b.name).limit(5).collect(Collectors.joining(", "))
            + (builders.size() > 5 ? ", ..." : "") + ") but no data rows"
            + (badRows > 0 ? " left after skipping " + badRows + " bad rows" : "")
            + "; add data rows");
      }
    }
  }

  /** A row whose field count differs from the header's. */
  private record BadRow(long line, int fields, boolean multiline) {
    String describe() {
      return "line " + line + " has " + fields + (fields == 1 ? " field" : " fields")
          + (multiline ? " (a quoted field there spans several lines: an unclosed quote?)" : "");
    }
  }

  /** Feeds early rows of columns that turned out to be text back into their builders. */
  private static final class Pass2 extends RecordHandler {
    private final int headerCount;
    private final List<ColumnBuilder> builders;
    private final int rows;
    private boolean headerSeen;
    private int row;

    Pass2(int headerCount, List<ColumnBuilder> builders, int rows) {
      this.headerCount = headerCount;
      this.builders = builders;
      this.rows = rows;
    }

    @Override
    boolean record() {
      if (!headerSeen) {
        headerSeen = true;
        return true;
      }
      if (fields != headerCount) {
        return true;
      }
      for (int i = 0; i < fields; i++) {
        builders.get(i).reread(row, chars, starts[i], lengths[i]);
      }
      row++;
      return row < rows;
    }
  }

  /** Reports progress every few megabytes. */
  static final class CountingStream extends FilterInputStream {
    private static final long STEP = 8L << 20;
    private final long total;
    private final Progress progress;
    private long done;
    private long next = STEP;

    CountingStream(InputStream in, long total, Progress progress) {
      super(in);
      this.total = total;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      done += n;
      if (done >= next) {
        next = done + STEP;
        progress.bytesRead(done, total);
      }
    }
  }
}

package dev.plumb.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Accumulates one column while the file streams by, and decides its type at the end.
 *
 * <p>A column starts out numeric and stores {@code double}s. The first value that is neither
 * missing nor a number switches it to dictionary-coded text; the numbers seen before that are not
 * turned back into text here (that would lose their spelling, e.g. {@code 1.50}) but re-read from
 * the file by {@link CsvTableReader}. Not thread-safe.
 */
final class ColumnBuilder {
  private static final int MAX_EXAMPLES = 3;
  private static final List<Set<String>> BOOLEAN_PAIRS =
      List.of(Set.of("true", "false"), Set.of("yes", "no"), Set.of("y", "n"), Set.of("t", "f"));

  final String name;
  private final NumberParser parser;
  private final char[][] naTokens;

  private boolean text;
  private double[] values = new double[1024];
  private int[] codes;
  private StringDictionary dictionary;
  private final BitSet missing = new BitSet();
  private int size;
  private boolean allIntegral = true;
  private boolean codeLike;

  /** Rows before this one hold numbers that must be re-read as text; 0 when none. */
  private int rereadLimit;

  private long numberCount;
  private long textCount;
  private final List<String> textExamples = new ArrayList<>();
  private final List<Long> textExampleLines = new ArrayList<>();

  ColumnBuilder(String name, char decimalMark, Set<String> naTokens) {
    this.name = name;
    this.parser = new NumberParser(decimalMark);
    this.naTokens = naTokens.stream().filter(t -> !t.isEmpty()).map(String::toCharArray)
        .toArray(char[][]::new);
  }

  /** Adds the next row's raw field. */
  void add(char[] buf, int off, int len, long line) {
    int start = off;
    int end = off + len;
    while (start < end && isBlank(buf[start])) {
      start++;
    }
    while (end > start && isBlank(buf[end - 1])) {
      end--;
    }
    int row = size++;
    if (start == end || isNaToken(buf, start, end - start)) {
      missing.set(row);
      if (text) {
        ensureCodes(row);
        codes[row] = CategoricalColumn.MISSING;
      } else {
        ensureValues(row);
        values[row] = Double.NaN;
      }
      return;
    }
    boolean isNumber = parser.parse(buf, start, end - start);
    if (isNumber) {
      numberCount++;
    } else {
      textCount++;
      if (textExamples.size() < MAX_EXAMPLES) {
        textExamples.add(new String(buf, off, len));
        textExampleLines.add(line);
      }
    }
    if (!text) {
      if (isNumber) {
        ensureValues(row);
        double v = parser.value;
        values[row] = v;
        if (allIntegral && v != Math.rint(v)) {
          allIntegral = false;
        }
        codeLike |= parser.codeLike;
        return;
      }
      switchToText(row);
    }
    ensureCodes(row);
    codes[row] = dictionary.idOf(buf, off, len);
  }

  /**
   * Appends the rows of the same column from a later chunk of the file, whose example lines are
   * counted from {@code lineOffset + 1}. Returns false, changing nothing, when the chunks disagree
   * in a way only a sequential read settles: numbers in one chunk and text in another, or text that
   * began mid-chunk after numbers (both need the numbers' spelling re-read).
   */
  boolean append(ColumnBuilder later, long lineOffset) {
    boolean thisHasNumbers = !text && missing.nextClearBit(0) < size;
    boolean laterHasNumbers = !later.text && later.missing.nextClearBit(0) < later.size;
    if (later.rereadLimit > 0 || (text != later.text && (thisHasNumbers || laterHasNumbers))) {
      return false;
    }
    if (later.text && !text) {
      switchToText(size); // everything so far is missing
    }
    int offset = size;
    int n = later.size;
    for (int i = later.missing.nextSetBit(0); i >= 0 && i < n; i = later.missing.nextSetBit(i + 1)) {
      missing.set(offset + i);
    }
    if (text) {
      int[] remap = new int[later.text ? later.dictionary.size() : 0];
      for (int id = 0; id < remap.length; id++) {
        String v = later.dictionary.value(id);
        remap[id] = dictionary.idOf(v);
      }
      codes = Arrays.copyOf(codes, Math.max(codes.length, offset + n));
      for (int i = 0; i < n; i++) {
        int c = later.text ? later.codes[i] : CategoricalColumn.MISSING;
        codes[offset + i] = c == CategoricalColumn.MISSING ? c : remap[c];
      }
    } else {
      values = Arrays.copyOf(values, Math.max(values.length, offset + n));
      System.arraycopy(later.values, 0, values, offset, n);
      allIntegral &= later.allIntegral;
      codeLike |= later.codeLike;
    }
    size += n;
    numberCount += later.numberCount;
    textCount += later.textCount;
    for (int i = 0; i < later.textExamples.size() && textExamples.size() < MAX_EXAMPLES; i++) {
      textExamples.add(later.textExamples.get(i));
      textExampleLines.add(later.textExampleLines.get(i) + lineOffset);
    }
    return true;
  }

  /** Whether the reader must feed rows {@code [0, rereadLimit())} again through {@link #reread}. */
  boolean needsReread() {
    if (!text && codeLike) {
      switchToText(size); // every value so far is a code like 007: keep them as text
    }
    return rereadLimit > 0;
  }

  int rereadLimit() {
    return rereadLimit;
  }

  /** Feeds the raw field of an early row back, now that the column is known to be text. */
  void reread(int row, char[] buf, int off, int len) {
    if (row < rereadLimit && !missing.get(row)) {
      codes[row] = dictionary.idOf(buf, off, len);
    }
  }

  /** The finished column. */
  Column build() {
    if (!text) {
      double[] exact = Arrays.copyOf(values, size);
      boolean anyValue = missing.cardinality() < size;
      ColumnType type = allIntegral && anyValue ? ColumnType.INTEGER : ColumnType.NUMERIC;
      return new NumericColumn(name, type, exact, missing, false);
    }
    String[] raw = dictionary.toArray();
    int[] counts = new int[raw.length];
    for (int r = 0; r < size; r++) {
      if (codes[r] != CategoricalColumn.MISSING) {
        counts[codes[r]]++;
      }
    }
    List<String> present = new ArrayList<>();
    for (int id = 0; id < raw.length; id++) {
      if (counts[id] > 0) {
        present.add(raw[id]);
      }
    }
    Column temporal = asTemporal(raw, counts);
    if (temporal != null) {
      return temporal;
    }
    String[] levels = present.stream().sorted().toArray(String[]::new);
    int[] remap = new int[raw.length];
    for (int id = 0; id < raw.length; id++) {
      remap[id] = counts[id] > 0 ? Arrays.binarySearch(levels, raw[id]) : CategoricalColumn.MISSING;
    }
    int[] out = new int[size];
    for (int r = 0; r < size; r++) {
      out[r] = codes[r] == CategoricalColumn.MISSING ? CategoricalColumn.MISSING : remap[codes[r]];
    }
    long nonMissing = size - (long) missing.cardinality();
    return new CategoricalColumn(name, textType(levels, nonMissing), out, levels);
  }

  /** How many present values parsed as numbers. */
  long numberCount() {
    return numberCount;
  }

  /** How many present values did not parse as numbers. */
  long textCount() {
    return textCount;
  }

  /** A few values that did not parse as numbers, as written. */
  List<String> textExamples() {
    return List.copyOf(textExamples);
  }

  /** The lines of {@link #textExamples()}. */
  List<Long> textExampleLines() {
    return List.copyOf(textExampleLines);
  }

  private Column asTemporal(String[] raw, int[] counts) {
    double[] epoch = new double[raw.length];
    boolean dateOnly = true;
    boolean any = false;
    for (int id = 0; id < raw.length; id++) {
      if (counts[id] == 0) {
        continue;
      }
      OptionalDouble t = TemporalParser.epochSeconds(raw[id]);
      if (t.isEmpty()) {
        return null;
      }
      any = true;
      epoch[id] = t.getAsDouble();
      dateOnly &= TemporalParser.isDateOnly(raw[id]);
    }
    if (!any) {
      return null;
    }
    double[] out = new double[size];
    for (int r = 0; r < size; r++) {
      out[r] = codes[r] == CategoricalColumn.MISSING ? Double.NaN : epoch[codes[r]];
    }
    return new NumericColumn(name, ColumnType.DATETIME, out, missing, dateOnly);
  }

  private static ColumnType textType(String[] levels, long nonMissing) {
    if (levels.length >= 1 && levels.length <= 2) {
      for (Set<String> pair : BOOLEAN_PAIRS) {
        boolean all = true;
        for (String l : levels) {
          all &= pair.contains(l.strip().toLowerCase(Locale.ROOT));
        }
        if (all) {
          return ColumnType.BOOLEAN;
        }
      }
    }
    if (levels.length > 20 && levels.length > 0.5 * nonMissing) {
      return ColumnType.TEXT;
    }
    return ColumnType.CATEGORICAL;
  }

  private void switchToText(int row) {
    text = true;
    dictionary = new StringDictionary();
    codes = new int[Math.max(values.length, row + 1)];
    Arrays.fill(codes, 0, row, CategoricalColumn.MISSING);
    boolean numbersBefore = missing.nextClearBit(0) < row;
    rereadLimit = numbersBefore ? row : 0;
    values = null;
  }

  private void ensureValues(int row) {
    if (row >= values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
  }

  private void ensureCodes(int row) {
    if (row >= codes.length) {
      codes = Arrays.copyOf(codes, codes.length * 2);
    }
  }

  private boolean isNaToken(char[] buf, int off, int len) {
    for (char[] t : naTokens) {
      if (t.length == len && regionEqualsIgnoreCase(t, buf, off)) {
        return true;
      }
    }
    return false;
  }

  private static boolean regionEqualsIgnoreCase(char[] token, char[] buf, int off) {
    for (int i = 0; i < token.length; i++) {
      char c = buf[off + i];
      if (c != token[i] && Character.toLowerCase(c) != token[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}

package dev.plumb.plan;

import dev.plumb.data.BadInputException;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.RowDigests;
import dev.plumb.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fold and subset assignment that depends only on each row's content and the seed, never on the
 * order of the rows or on how they are partitioned: the local engine and a distributed backend
 * (which sees the rows in partitions, in no fixed order) compute the same folds by calling these
 * same functions.
 *
 * <p>A row's <em>key</em> is a 64-bit digest of its field texts ({@link #rowKey}), canonicalized
 * so that a typed reader and a raw text reader agree: blanks around a field are ignored, the
 * missing-value tokens all read as missing, and a field that reads as a number counts by its value
 * ({@code 3}, {@code 3.0} and {@code 3e0} are one key). A key column named by the user replaces
 * the digest of the whole row by the digest of that field.
 *
 * <p>Folds: in repetition {@code r}, a row's <em>rank hash</em> is {@code Seeds.derive(seed, r,
 * key)}. For classes, the rows of each class are ordered by (rank hash, key) and dealt to the
 * folds in turn; the classes are taken in the order of their names and the dealing goes on from
 * class to class, so every fold's count of each class differs by at most one row (as {@link
 * Splits#stratifiedKFold} does). For numbers, a row's fold is its rank hash modulo {@code k}: no
 * global order is needed, and fold sizes vary by about the square root of {@code n / k}.
 *
 * <p>Learning-curve subsets: the training rows of a fold are ordered by {@link #subsetHash} (then
 * key); a subset of size {@code n} is the first {@code n} of them, so every subset holds the
 * smaller ones. Rows with equal keys are equal rows, so how ties among them fall changes no
 * score. Stateless and thread-safe.
 */
public final class HashFolds {
  private static final long MISSING = 0x6d697373696e6721L;
  private static final long FOLD_PATH = 0x666F6C64L;
  private static final long SUBSET_PATH = 0x73756273L;

  private HashFolds() {}

  /**
   * The key of a row from its field texts, in column order; {@code null} is a missing field.
   *
   * @param naTokens the texts that mean missing, compared case-insensitively after trimming
   */
  public static long rowKey(String[] fields, Set<String> naTokens) {
    long h = 0x243F6A8885A308D3L;
    for (String f : fields) {
      h = Seeds.mix(h * 0x9E3779B97F4A7C15L + cellHash(f, naTokens));
    }
    return h;
  }

  /** The digest of one field, canonicalized as {@link #rowKey} describes. */
  public static long cellHash(String field, Set<String> naTokens) {
    if (field == null) {
      return MISSING;
    }
    String t = field.strip();
    if (t.isEmpty() || isNaToken(t, naTokens)) {
      return MISSING;
    }
    if (looksNumeric(t)) {
      try {
        double v = Double.parseDouble(t);
        if (Double.isFinite(v)) {
          return numberHash(v);
        }
      } catch (NumberFormatException e) {
        // not a number after all ("1e", "--1"): its text counts
      }
    }
    return RowDigests.textDigest(t);
  }

  /** The digest of a field that reads as the finite number {@code v}. */
  public static long numberHash(double v) {
    return Seeds.mix(Double.doubleToLongBits(v == 0.0 ? 0.0 : v) ^ 0x6E756D0000000000L);
  }

  /**
   * The keys of some rows of a typed table: each row's cells as {@link Column#text} gives them
   * (numbers by value), or only the cells of {@code keyColumn} when one is named.
   *
   * @param rows the table rows, e.g. a problem's labelled rows
   * @throws BadInputException when the key column does not exist
   */
  public static long[] rowKeys(Table table, int[] rows, Optional<String> keyColumn) {
    List<Column> columns = keyColumn.isPresent()
        ? List.of(table.require(keyColumn.get(), "key")) : table.columns();
    long[] out = new long[rows.length];
    Arrays.fill(out, 0x243F6A8885A308D3L);
    for (Column c : columns) {
      boolean byValue = c instanceof NumericColumn && c.type() != ColumnType.DATETIME;
      for (int i = 0; i < rows.length; i++) {
        int r = rows[i];
        long cell;
        if (c.isMissing(r)) {
          cell = MISSING;
        } else if (byValue) {
          cell = numberHash(((NumericColumn) c).get(r));
        } else {
          cell = cellHash(c.text(r), Set.of());
        }
        out[i] = Seeds.mix(out[i] * 0x9E3779B97F4A7C15L + cell);
      }
    }
    return out;
  }

  /**
   * A class label's canonical text: numbers as {@link NumericColumn#formatNumber} writes them (the
   * class names of a numeric target), other texts trimmed. Classes are dealt in the order of
   * these texts, so both sides must name a class alike.
   */
  public static String classLabel(String field) {
    String t = field.strip();
    if (looksNumeric(t)) {
      try {
        double v = Double.parseDouble(t);
        if (Double.isFinite(v)) {
          return NumericColumn.formatNumber(v);
        }
      } catch (NumberFormatException e) {
        // a text label
      }
    }
    return t;
  }

  /** The hash that orders a row within its class (or picks its fold, for numbers). */
  public static long rankHash(long seed, int repeat, long key) {
    return Seeds.derive(seed, FOLD_PATH, repeat, key);
  }

  /** The fold of a regression row: its rank hash modulo {@code k}. */
  public static int regressionFold(long seed, int repeat, long key, int k) {
    return (int) Math.floorMod(rankHash(seed, repeat, key), (long) k);
  }

  /**
   * Where the dealing starts for each class: class names in their natural order, each class
   * starting at the fold after the previous class's last row.
   *
   * @param counts rows per class name
   * @return the first fold of each class name
   */
  public static TreeMap<String, Integer> classOffsets(TreeMap<String, Long> counts, int k) {
    TreeMap<String, Integer> out = new TreeMap<>();
    long dealt = 0;
    for (var e : counts.entrySet()) {
      out.put(e.getKey(), (int) (dealt % k));
      dealt += e.getValue();
    }
    return out;
  }

  /** The fold of the row at 0-based {@code rankInClass} of a class dealt from {@code offset}. */
  public static int classFold(int offset, long rankInClass, int k) {
    return (int) ((offset + rankInClass) % k);
  }

  /** The hash that orders the training rows of fold ({@code repeat}, {@code fold}) for subsets. */
  public static long subsetHash(long seed, int repeat, int fold, long key) {
    return Seeds.derive(seed, SUBSET_PATH, repeat, fold, key);
  }

  /**
   * Hash k-fold over labelled rows.
   *
   * @param keys each row's key
   * @param labels each row's class name (canonical, see {@link #classLabel}), or {@code null}
   *     for regression
   */
  public static Splits kFold(long[] keys, String[] labels, int k, int repeats, long seed) {
    int n = keys.length;
    Splits.checkK(k, n, repeats);
    List<Fold> folds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      int[] assignment = labels == null ? regressionAssignment(keys, k, r, seed)
          : classAssignment(keys, labels, k, r, seed);
      List<Fold> made = Splits.fromAssignment(assignment, k, r);
      for (Fold f : made) {
        if (f.validationSize() == 0) {
          throw new BadInputException("hash folds left fold " + (f.index() + 1) + " of " + k
              + " empty on " + n + " rows; use fewer folds (--folds) or --folds-by random");
        }
      }
      folds.addAll(made);
    }
    return new Splits(SplitStrategy.HASH_K_FOLD, k, repeats, seed, folds);
  }

  /**
   * The training positions of {@code fold} in subset order: by {@link #subsetHash}, then key, then
   * position; the first {@code n} are the subset of size {@code n}.
   */
  public static int[] subsetOrder(Fold fold, long[] keys, long seed) {
    int[] train = fold.train();
    long[] h = new long[train.length];
    for (int i = 0; i < train.length; i++) {
      h[i] = subsetHash(seed, fold.repeat(), fold.index(), keys[train[i]]);
    }
    Integer[] idx = IntStream.range(0, train.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingLong((Integer i) -> h[i])
        .thenComparingLong(i -> keys[train[i]]).thenComparingInt(i -> train[i]));
    int[] out = new int[train.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = train[idx[i]];
    }
    return out;
  }

  private static int[] regressionAssignment(long[] keys, int k, int repeat, long seed) {
    int[] out = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = regressionFold(seed, repeat, keys[i], k);
    }
    return out;
  }

  private static int[] classAssignment(long[] keys, String[] labels, int k, int repeat,
      long seed) {
    int n = keys.length;
    TreeMap<String, Long> counts = Arrays.stream(labels)
        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    TreeMap<String, Integer> offsets = classOffsets(counts, k);
    long[] h = new long[n];
    for (int i = 0; i < n; i++) {
      h[i] = rankHash(seed, repeat, keys[i]);
    }
    // one sort by (class, rank hash, key, position), then each class dealt from its offset
    List<String> names = new ArrayList<>(counts.keySet());
    int[] cls = new int[n];
    for (int i = 0; i < n; i++) {
      cls[i] = Collections.binarySearch(names, labels[i]);
    }
    Integer[] rows = IntStream.range(0, n).boxed().toArray(Integer[]::new);
    Arrays.sort(rows, Comparator.comparingInt((Integer i) -> cls[i])
        .thenComparingLong(i -> h[i]).thenComparingLong(i -> keys[i]).thenComparingInt(i -> i));
    int[] out = new int[n];
    long rank = 0;
    for (int j = 0; j < n; j++) {
      int row = rows[j];
      rank = j > 0 && cls[rows[j - 1]] == cls[row] ? rank + 1 : 0;
      out[row] = classFold(offsets.get(names.get(cls[row])), rank, k);
    }
    return out;
  }

  private static boolean isNaToken(String t, Set<String> naTokens) {
    for (String na : naTokens) {
      if (na.strip().equalsIgnoreCase(t)) {
        return true;
      }
    }
    return false;
  }

  /** Digits with an optional sign, point and exponent; no "NaN", "Infinity", hex or suffixes. */
  private static boolean looksNumeric(String t) {
    boolean digit = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

}

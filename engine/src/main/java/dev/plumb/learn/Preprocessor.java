package dev.plumb.learn;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns feature columns into the dense numeric matrix learners fit on, with every statistic fitted
 * on the training rows only, so nothing about the validation rows leaks into training:
 *
 * <ul>
 *   <li>numbers: missing values imputed with the training median, plus a 0/1 "was missing"
 *       feature when the training rows had any; then standardized (training mean and standard
 *       deviation);
 *   <li>date-times: expanded to days since 1970, year, month, day of week (and hour when the
 *       values have times), each treated as a number;
 *   <li>booleans: 0/1, the most frequent training value imputed, plus a missing indicator;
 *   <li>categories: one-hot over the {@value #MAX_LEVELS} most frequent training levels seen at
 *       least {@value #MIN_LEVEL_COUNT} times; rarer and unseen levels share an "other" feature,
 *       missing values a "missing" feature.
 * </ul>
 *
 * <p>The fitted encoders keep only what they learned (column names, statistics, kept levels as
 * text), not the training columns, so a {@link Fitted} can be saved with a model and applied to
 * another table with the same columns: {@link Fitted#bind(Table)} looks the columns up by name and
 * maps that table's dictionary codes to one-hot slots once, so encoding its rows costs what
 * encoding the training rows does.
 *
 * <p>Stateless; {@link Fitted} and {@link Bound} instances are immutable and thread-safe.
 */
public final class Preprocessor {
  /** The most levels a category keeps as its own one-hot feature. */
  public static final int MAX_LEVELS = 20;

  /** A level needs this many training rows to keep its own feature. */
  public static final int MIN_LEVEL_COUNT = 2;

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t");
  private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "f");

  private Preprocessor() {}

  /** Fits the encoders of {@code features} on {@code trainRows}. */
  public static Fitted fit(List<Column> features, int[] trainRows) {
    List<Encoder> encoders = new ArrayList<>();
    for (Column c : features) {
      encoders.add(encoder(c, trainRows));
    }
    return new Fitted(encoders, features);
  }

  private static Encoder encoder(Column c, int[] rows) {
    if (c.type() == ColumnType.DATETIME) {
      return DateEncoder.fit((NumericColumn) c, rows);
    }
    if (c instanceof NumericColumn num) {
      return NumberEncoder.fit(num, rows);
    }
    CategoricalColumn cat = (CategoricalColumn) c;
    if (c.type() == ColumnType.BOOLEAN) {
      return BooleanEncoder.fit(cat, rows);
    }
    return OneHotEncoder.fit(cat, rows);
  }

  /**
   * Fitted encoders. They transform rows of the training columns ({@link #transform(int[])}, until
   * {@link #detached()} or a save and load drops those columns) and rows of any table with the same
   * columns ({@link #bind(Table)}). Serializable: the serialized form is the encoders' learned
   * state only. Immutable and thread-safe.
   */
  public static final class Fitted implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Encoder> encoders;
    private final int width;
    private final List<String> names;
    private final List<FeatureGroup> groups;
    /** The encoders bound to the training columns; null once detached. */
    private final transient Bound training;

    /**
     * @param encoders the fitted encoders
     * @param trainingColumns the columns they were fitted on, in the same order, or null
     */
    private Fitted(List<Encoder> encoders, List<Column> trainingColumns) {
      this.encoders = List.copyOf(encoders);
      List<String> n = new ArrayList<>();
      List<FeatureGroup> g = new ArrayList<>();
      for (Encoder e : encoders) {
        e.describe(n, g);
      }
      this.names = List.copyOf(n);
      this.groups = List.copyOf(g);
      this.width = n.size();
      this.training = trainingColumns == null ? null : bindColumns(trainingColumns);
    }

    /**
     * The matrix of rows of the training columns: {@code result[i]} encodes row {@code rows[i]}.
     *
     * @throws IllegalStateException when these encoders no longer hold the training columns
     *     (detached, or loaded from a file): use {@link #bind(Table)}
     */
    public double[][] transform(int[] rows) {
      if (training == null) {
        throw new IllegalStateException("these encoders are detached from their training columns;"
            + " bind them to a table first");
      }
      return training.transform(rows);
    }

    /**
     * The matrix of {@code rows} of {@code table}; see {@link #bind(Table)}.
     *
     * @throws BadInputException when a column is missing or cannot be encoded
     */
    public double[][] transform(Table table, int[] rows) {
      return bind(table).transform(rows);
    }

    /**
     * These encoders applied to the columns of {@code table} with the names they were fitted on.
     * Category levels are matched by their text, so the table's dictionary codes may differ from
     * the training table's; levels not seen in training go to the "other" feature, as rare ones
     * did. Costs one pass over each category's levels; encoding rows then costs what it does on
     * the training columns.
     *
     * @throws BadInputException when a column is missing, or holds values of a kind its encoder
     *     cannot read (text where numbers were, a word that is not a boolean), naming the column
     */
    public Bound bind(Table table) {
      List<Column> columns = new ArrayList<>(encoders.size());
      for (Encoder e : encoders) {
        columns.add(table.require(e.column(), "feature"));
      }
      return bindColumns(columns);
    }

    private Bound bindColumns(List<Column> columns) {
      Writer[] writers = new Writer[encoders.size()];
      int[] widths = new int[encoders.size()];
      for (int i = 0; i < writers.length; i++) {
        Encoder e = encoders.get(i);
        writers[i] = e.bind(columns.get(i));
        widths[i] = e.width();
      }
      return new Bound(writers, widths, width);
    }

    /** The same encoders without the training columns, which they then no longer keep alive. */
    public Fitted detached() {
      return training == null ? this : new Fitted(encoders, null);
    }

    /** The names of the source columns these encoders read, in order. */
    public List<String> columns() {
      return encoders.stream().map(Encoder::column).toList();
    }

    /** Feature names, in matrix column order. */
    public List<String> featureNames() {
      return names;
    }

    /** Which features came from which column. */
    public List<FeatureGroup> groups() {
      return groups;
    }

    /** Number of features. */
    public int width() {
      return width;
    }

    private Object writeReplace() {
      return new SerialForm(encoders.toArray(new Encoder[0]));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
      throw new InvalidObjectException("fitted encoders are read through their serial form");
    }
  }

  /** What a {@link Fitted} saves: its encoders; the feature names are derived again on load. */
  private record SerialForm(Encoder[] encoders) implements Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() throws InvalidObjectException {
      if (encoders == null || Arrays.stream(encoders).anyMatch(e -> e == null)) {
        throw new InvalidObjectException("fitted encoders with a missing encoder");
      }
      return new Fitted(List.of(encoders), null);
    }
  }

  /**
   * Fitted encoders bound to the columns of one table: encodes any of its rows. Immutable and
   * thread-safe.
   */
  public static final class Bound {
    private final Writer[] writers;
    private final int[] widths;
    private final int width;

    private Bound(Writer[] writers, int[] widths, int width) {
      this.writers = writers;
      this.widths = widths;
      this.width = width;
    }

    /** The matrix of {@code rows}: {@code result[i]} encodes table row {@code rows[i]}. */
    public double[][] transform(int[] rows) {
      double[][] out = new double[rows.length][width];
      int offset = 0;
      for (int i = 0; i < writers.length; i++) {
        writers[i].write(rows, out, offset);
        offset += widths[i];
      }
      return out;
    }

    /** Number of features. */
    public int width() {
      return width;
    }
  }

  /** What one column's encoder learned; serializable, with no reference to any table. */
  private interface Encoder extends Serializable {
    /** The source column's name. */
    String column();

    int width();

    /**
     * A writer for {@code c}, a column called {@link #column()}.
     *
     * @throws BadInputException when {@code c} holds values this encoder cannot read
     */
    Writer bind(Column c);

    void describe(List<String> names, List<FeatureGroup> groups);
  }

  /** An encoder applied to one column: writes its features for table rows. */
  private interface Writer {
    void write(int[] rows, double[][] out, int offset);
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /** Mean and standard deviation (population, as scikit-learn's StandardScaler); 1 when zero. */
  private static double[] meanStd(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean = v.length == 0 ? 0 : mean / v.length;
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double std = v.length == 0 ? 0 : Math.sqrt(ss / v.length);
    return new double[] {mean, std > 1e-12 ? std : 1};
  }

  private static boolean allMissing(Column c) {
    return c.missingCount() == c.size();
  }

  /** A column of {@code c}'s name and length with every value missing. */
  private static CategoricalColumn missingCategories(Column c) {
    return CategoricalColumn.of(c.name(), ColumnType.CATEGORICAL, new String[c.size()]);
  }

  /** The rejection of a column whose values an encoder cannot read. */
  private static BadInputException cannotRead(Column c, String trained) {
    String example = "";
    if (c instanceof CategoricalColumn cat && cat.levelCount() > 0) {
      example = " (for example '" + cat.level(0) + "')";
    }
    return new BadInputException("column '" + c.name() + "' held " + trained + " when the model"
        + " was trained, but here it holds " + kind(c) + example + "; fix its values or retrain"
        + " the model on data like this");
  }

  private static String kind(Column c) {
    return switch (c.type()) {
      case NUMERIC, INTEGER -> "numbers";
      case DATETIME -> "date-times";
      case BOOLEAN -> "booleans";
      default -> "text";
    };
  }

  private static void check(boolean valid, String what) {
    if (!valid) {
      throw new IllegalArgumentException("invalid fitted encoder: " + what);
    }
  }

  private record NumberEncoder(String column, double fill, double mean, double std,
      boolean indicator) implements Encoder {
    private static final long serialVersionUID = 1L;

    /** Checks what a loaded encoder must satisfy. */
    NumberEncoder {
      check(column != null, "no column name");
    }

    static NumberEncoder fit(NumericColumn c, int[] rows) {
      double[] present = IntStream.of(rows).filter(r -> !c.isMissing(r)).mapToDouble(c::get)
          .toArray();
      double fill = median(present);
      double[] imputed = IntStream.of(rows).mapToDouble(r -> c.isMissing(r) ? fill : c.get(r))
          .toArray();
      double[] ms = meanStd(imputed);
      return new NumberEncoder(c.name(), fill, ms[0], ms[1], present.length < rows.length);
    }

    @Override
    public int width() {
      return indicator ? 2 : 1;
    }

    @Override
    public Writer bind(Column c) {
      boolean numbers = c instanceof NumericColumn && c.type() != ColumnType.DATETIME;
      if (!numbers && !(c instanceof NumericColumn && allMissing(c))) {
        throw cannotRead(c, "numbers");
      }
      NumericColumn num = (NumericColumn) c;
      return (rows, out, offset) -> {
        for (int i = 0; i < rows.length; i++) {
          boolean missing = num.isMissing(rows[i]);
          double v = missing ? fill : num.get(rows[i]);
          out[i][offset] = (v - mean) / std;
          if (indicator) {
            out[i][offset + 1] = missing ? 1 : 0;
          }
        }
      };
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column, FeatureGroup.Kind.NUMERIC, names.size(), 1));
      names.add(column);
      if (indicator) {
        groups.add(new FeatureGroup(column, FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column + "_missing");
      }
    }
  }

  private record DateEncoder(String column, double[] fill, double[] mean, double[] std,
      boolean indicator) implements Encoder {
    private static final long serialVersionUID = 1L;
    private static final String[] PARTS = {"days", "year", "month", "weekday", "hour"};

    /** Copies the arrays; checks what a loaded encoder must satisfy. */
    DateEncoder {
      check(column != null, "no column name");
      check(fill != null && mean != null && std != null && (fill.length == 4 || fill.length == 5)
          && mean.length == fill.length && std.length == fill.length, "date parts of '" + column
          + "'");
      fill = fill.clone();
      mean = mean.clone();
      std = std.clone();
    }

    static DateEncoder fit(NumericColumn c, int[] rows) {
      boolean withHour = !c.dateOnly();
      int parts = withHour ? 5 : 4;
      double[][] values = new double[parts][];
      int[] present = IntStream.of(rows).filter(r -> !c.isMissing(r)).toArray();
      for (int p = 0; p < parts; p++) {
        final int part = p;
        values[p] = IntStream.of(present).mapToDouble(r -> part(c.get(r), part)).toArray();
      }
      double[] fill = new double[parts];
      double[] mean = new double[parts];
      double[] std = new double[parts];
      for (int p = 0; p < parts; p++) {
        fill[p] = median(values[p]);
        double[] imputed = Arrays.copyOf(values[p], rows.length);
        Arrays.fill(imputed, values[p].length, rows.length, fill[p]);
        double[] ms = meanStd(imputed);
        mean[p] = ms[0];
        std[p] = ms[1];
      }
      return new DateEncoder(c.name(), fill, mean, std, present.length < rows.length);
    }

    static double part(double epochSeconds, int part) {
      if (part == 0) {
        return epochSeconds / 86_400.0;
      }
      ZonedDateTime t = Instant.ofEpochSecond((long) Math.floor(epochSeconds)).atZone(ZoneOffset.UTC);
      return switch (part) {
        case 1 -> t.getYear();
        case 2 -> t.getMonthValue();
        case 3 -> t.getDayOfWeek().getValue();
        default -> t.getHour();
      };
    }

    @Override
    public int width() {
      return fill.length + (indicator ? 1 : 0);
    }

    @Override
    public Writer bind(Column c) {
      boolean dates = c.type() == ColumnType.DATETIME;
      if (!dates && !(c instanceof NumericColumn && allMissing(c))) {
        throw cannotRead(c, "date-times");
      }
      NumericColumn num = (NumericColumn) c;
      return (rows, out, offset) -> {
        for (int i = 0; i < rows.length; i++) {
          boolean missing = num.isMissing(rows[i]);
          for (int p = 0; p < fill.length; p++) {
            double v = missing ? fill[p] : part(num.get(rows[i]), p);
            out[i][offset + p] = (v - mean[p]) / std[p];
          }
          if (indicator) {
            out[i][offset + fill.length] = missing ? 1 : 0;
          }
        }
      };
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      for (int p = 0; p < fill.length; p++) {
        groups.add(new FeatureGroup(column + "." + PARTS[p], FeatureGroup.Kind.NUMERIC,
            names.size(), 1));
        names.add(column + "." + PARTS[p]);
      }
      if (indicator) {
        groups.add(new FeatureGroup(column, FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column + "_missing");
      }
    }
  }

  /**
   * Booleans: a level is 1 when it is one of the true words and 0 when one of the false words,
   * whatever the table; missing values get the training majority.
   */
  private record BooleanEncoder(String column, double fill, boolean indicator)
      implements Encoder {
    private static final long serialVersionUID = 1L;

    /** Checks what a loaded encoder must satisfy. */
    BooleanEncoder {
      check(column != null, "no column name");
      check(fill == 0 || fill == 1, "fill of '" + column + "'");
    }

    static BooleanEncoder fit(CategoricalColumn c, int[] rows) {
      double[] valueOfCode = new double[c.levelCount()];
      for (int l = 0; l < valueOfCode.length; l++) {
        valueOfCode[l] = isTrue(c.level(l)) ? 1 : 0;
      }
      int ones = 0;
      int present = 0;
      for (int r : rows) {
        int code = c.code(r);
        if (code != CategoricalColumn.MISSING) {
          present++;
          ones += (int) valueOfCode[code];
        }
      }
      double fill = ones * 2 > present ? 1 : 0;
      return new BooleanEncoder(c.name(), fill, present < rows.length);
    }

    private static boolean isTrue(String level) {
      return TRUE_WORDS.contains(level.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public int width() {
      return indicator ? 2 : 1;
    }

    @Override
    public Writer bind(Column c) {
      if (c instanceof NumericColumn && allMissing(c)) {
        c = missingCategories(c);
      }
      if (!(c instanceof CategoricalColumn cat)) {
        throw cannotRead(c, "booleans");
      }
      double[] valueOfCode = new double[cat.levelCount()];
      for (int l = 0; l < valueOfCode.length; l++) {
        String word = cat.level(l).strip().toLowerCase(Locale.ROOT);
        if (!TRUE_WORDS.contains(word) && !FALSE_WORDS.contains(word)) {
          throw new BadInputException("column '" + column + "' held booleans when the model was"
              + " trained, but here it holds '" + cat.level(l) + "', which is none of "
              + "true/false, yes/no, y/n, t/f; fix its values or retrain the model on data like"
              + " this");
        }
        valueOfCode[l] = TRUE_WORDS.contains(word) ? 1 : 0;
      }
      return (rows, out, offset) -> {
        for (int i = 0; i < rows.length; i++) {
          int code = cat.code(rows[i]);
          out[i][offset] = code == CategoricalColumn.MISSING ? fill : valueOfCode[code];
          if (indicator) {
            out[i][offset + 1] = code == CategoricalColumn.MISSING ? 1 : 0;
          }
        }
      };
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column, FeatureGroup.Kind.INDICATOR, names.size(), 1));
      names.add(column);
      if (indicator) {
        groups.add(new FeatureGroup(column, FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column + "_missing");
      }
    }
  }

  /**
   * One-hot encoding: the levels in {@code kept} get a feature each, in that order; then the
   * "other" feature when training had levels that were not kept, then the "missing" feature when
   * training had missing values. A level of another table is matched to {@code kept} by its text.
   */
  private record OneHotEncoder(String column, String[] kept, boolean other, boolean missingSlot)
      implements Encoder {
    private static final long serialVersionUID = 1L;

    /** Copies the levels; checks what a loaded encoder must satisfy. */
    OneHotEncoder {
      check(column != null && kept != null, "no column name or levels");
      kept = kept.clone();
      check(Arrays.stream(kept).allMatch(l -> l != null)
          && Arrays.stream(kept).distinct().count() == kept.length,
          "levels of '" + column + "' must be distinct");
    }

    static OneHotEncoder fit(CategoricalColumn c, int[] rows) {
      int[] counts = new int[c.levelCount()];
      int missing = 0;
      for (int r : rows) {
        int code = c.code(r);
        if (code == CategoricalColumn.MISSING) {
          missing++;
        } else {
          counts[code]++;
        }
      }
      List<Integer> byCount = IntStream.range(0, counts.length).boxed()
          .filter(l -> counts[l] >= MIN_LEVEL_COUNT)
          .sorted(Comparator.<Integer>comparingInt(l -> counts[l]).reversed().thenComparing(l -> l))
          .limit(MAX_LEVELS).sorted().toList();
      String[] kept = byCount.stream().map(c::level).toArray(String[]::new);
      boolean other = byCount.size() < counts.length;
      return new OneHotEncoder(c.name(), kept, other, missing > 0);
    }

    @Override
    public int width() {
      return kept.length + (other ? 1 : 0) + (missingSlot ? 1 : 0);
    }

    @Override
    public Writer bind(Column c) {
      CategoricalColumn cat = categories(c);
      Map<String, Integer> slotOfLevel = new HashMap<>();
      for (int s = 0; s < kept.length; s++) {
        slotOfLevel.put(kept[s], s);
      }
      int[] slotOfCode = new int[cat.levelCount()];
      for (int l = 0; l < slotOfCode.length; l++) {
        slotOfCode[l] = slotOfLevel.getOrDefault(cat.level(l), kept.length); // else "other"
      }
      int keptCount = kept.length;
      int otherSlot = other ? keptCount : -1;
      int missingAt = keptCount + (other ? 1 : 0);
      return (rows, out, offset) -> {
        for (int i = 0; i < rows.length; i++) {
          int code = cat.code(rows[i]);
          if (code == CategoricalColumn.MISSING) {
            if (missingSlot) {
              out[i][offset + missingAt] = 1;
            }
          } else {
            int s = slotOfCode[code];
            if (s < keptCount) {
              out[i][offset + s] = 1;
            } else if (otherSlot >= 0) {
              out[i][offset + otherSlot] = 1;
            }
          }
        }
      };
    }

    /**
     * {@code c} as categories: a table where every value of the column looks like a number reads
     * it as numbers, which are matched to the kept levels by their canonical text.
     */
    private static CategoricalColumn categories(Column c) {
      if (c instanceof CategoricalColumn cat) {
        return cat;
      }
      String[] text = new String[c.size()];
      for (int r = 0; r < text.length; r++) {
        text[r] = c.text(r);
      }
      return CategoricalColumn.of(c.name(), ColumnType.CATEGORICAL, text);
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column, FeatureGroup.Kind.ONE_HOT, names.size(), width()));
      for (String level : kept) {
        names.add(column + "=" + level);
      }
      if (other) {
        names.add(column + "=(other)");
      }
      if (missingSlot) {
        names.add(column + "=(missing)");
      }
    }
  }
}

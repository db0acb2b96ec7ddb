package dev.plumb.learn;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * Stateless; {@link Fitted} instances are immutable and thread-safe.
 */
public final class Preprocessor {
  /** The most levels a category keeps as its own one-hot feature. */
  public static final int MAX_LEVELS = 20;

  /** A level needs this many training rows to keep its own feature. */
  public static final int MIN_LEVEL_COUNT = 2;

  private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "t");

  private Preprocessor() {}

  /** Fits the encoders of {@code features} on {@code trainRows}. */
  public static Fitted fit(List<Column> features, int[] trainRows) {
    List<Encoder> encoders = new ArrayList<>();
    for (Column c : features) {
      encoders.add(encoder(c, trainRows));
    }
    return new Fitted(encoders);
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

  /** Fitted encoders: transform any rows of the same table. Immutable and thread-safe. */
  public static final class Fitted {
    private final List<Encoder> encoders;
    private final int width;
    private final List<String> names;
    private final List<FeatureGroup> groups;

    private Fitted(List<Encoder> encoders) {
      this.encoders = List.copyOf(encoders);
      List<String> n = new ArrayList<>();
      List<FeatureGroup> g = new ArrayList<>();
      for (Encoder e : encoders) {
        e.describe(n, g);
      }
      this.names = List.copyOf(n);
      this.groups = List.copyOf(g);
      this.width = n.size();
    }

    /** The matrix of {@code rows}: {@code result[i]} encodes table row {@code rows[i]}. */
    public double[][] transform(int[] rows) {
      double[][] out = new double[rows.length][width];
      int offset = 0;
      for (Encoder e : encoders) {
        e.write(rows, out, offset);
        offset += e.width();
      }
      return out;
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
  }

  private interface Encoder {
    int width();

    void write(int[] rows, double[][] out, int offset);

    void describe(List<String> names, List<FeatureGroup> groups);
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

  private record NumberEncoder(NumericColumn column, double fill, double mean, double std,
      boolean indicator) implements Encoder {
    static NumberEncoder fit(NumericColumn c, int[] rows) {
      double[] present = IntStream.of(rows).filter(r -> !c.isMissing(r)).mapToDouble(c::get)
          .toArray();
      double fill = median(present);
      double[] imputed = IntStream.of(rows).mapToDouble(r -> c.isMissing(r) ? fill : c.get(r))
          .toArray();
      double[] ms = meanStd(imputed);
      return new NumberEncoder(c, fill, ms[0], ms[1], present.length < rows.length);
    }

    @Override
    public int width() {
      return indicator ? 2 : 1;
    }

    @Override
    public void write(int[] rows, double[][] out, int offset) {
      for (int i = 0; i < rows.length; i++) {
        boolean missing = column.isMissing(rows[i]);
        double v = missing ? fill : column.get(rows[i]);
        out[i][offset] = (v - mean) / std;
        if (indicator) {
          out[i][offset + 1] = missing ? 1 : 0;
        }
      }
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.NUMERIC, names.size(), 1));
      names.add(column.name());
      if (indicator) {
        groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column.name() + "_missing");
      }
    }
  }

  private record DateEncoder(NumericColumn column, boolean withHour, double[] fill, double[] mean,
      double[] std, boolean indicator) implements Encoder {
    private static final String[] PARTS = {"days", "year", "month", "weekday", "hour"};

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
      return new DateEncoder(c, withHour, fill, mean, std, present.length < rows.length);
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
    public void write(int[] rows, double[][] out, int offset) {
      for (int i = 0; i < rows.length; i++) {
        boolean missing = column.isMissing(rows[i]);
        for (int p = 0; p < fill.length; p++) {
          double v = missing ? fill[p] : part(column.get(rows[i]), p);
          out[i][offset + p] = (v - mean[p]) / std[p];
        }
        if (indicator) {
          out[i][offset + fill.length] = missing ? 1 : 0;
        }
      }
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      for (int p = 0; p < fill.length; p++) {
        groups.add(new FeatureGroup(column.name() + "." + PARTS[p], FeatureGroup.Kind.NUMERIC,
            names.size(), 1));
        names.add(column.name() + "." + PARTS[p]);
      }
      if (indicator) {
        groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column.name() + "_missing");
      }
    }
  }

  private record BooleanEncoder(CategoricalColumn column, double[] valueOfCode, double fill,
      boolean indicator) implements Encoder {
    static BooleanEncoder fit(CategoricalColumn c, int[] rows) {
      double[] valueOfCode = new double[c.levelCount()];
      for (int l = 0; l < valueOfCode.length; l++) {
        valueOfCode[l] = TRUE_WORDS.contains(c.level(l).strip().toLowerCase(Locale.ROOT)) ? 1 : 0;
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
      return new BooleanEncoder(c, valueOfCode, fill, present < rows.length);
    }

    @Override
    public int width() {
      return indicator ? 2 : 1;
    }

    @Override
    public void write(int[] rows, double[][] out, int offset) {
      for (int i = 0; i < rows.length; i++) {
        int code = column.code(rows[i]);
        out[i][offset] = code == CategoricalColumn.MISSING ? fill : valueOfCode[code];
        if (indicator) {
          out[i][offset + 1] = code == CategoricalColumn.MISSING ? 1 : 0;
        }
      }
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.INDICATOR, names.size(), 1));
      names.add(column.name());
      if (indicator) {
        groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.INDICATOR, names.size(), 1));
        names.add(column.name() + "_missing");
      }
    }
  }

  /**
   * One-hot encoding: {@code slotOfCode[code]} is the feature of a level, or the "other" slot;
   * the "missing" slot follows when the training rows had missing values.
   */
  private record OneHotEncoder(CategoricalColumn column, int[] slotOfCode, List<String> kept,
      boolean other, boolean missingSlot) implements Encoder {
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
      int[] slot = new int[counts.length];
      Arrays.fill(slot, byCount.size()); // "other"
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < byCount.size(); i++) {
        slot[byCount.get(i)] = i;
        kept.add(c.level(byCount.get(i)));
      }
      boolean other = byCount.size() < counts.length;
      return new OneHotEncoder(c, slot, kept, other, missing > 0);
    }

    @Override
    public int width() {
      return kept.size() + (other ? 1 : 0) + (missingSlot ? 1 : 0);
    }

    @Override
    public void write(int[] rows, double[][] out, int offset) {
      int otherSlot = other ? kept.size() : -1;
      int missingAt = kept.size() + (other ? 1 : 0);
      for (int i = 0; i < rows.length; i++) {
        int code = column.code(rows[i]);
        if (code == CategoricalColumn.MISSING) {
          if (missingSlot) {
            out[i][offset + missingAt] = 1;
          }
        } else {
          int s = slotOfCode[code];
          if (s < kept.size()) {
            out[i][offset + s] = 1;
          } else if (otherSlot >= 0) {
            out[i][offset + otherSlot] = 1;
          }
        }
      }
    }

    @Override
    public void describe(List<String> names, List<FeatureGroup> groups) {
      groups.add(new FeatureGroup(column.name(), FeatureGroup.Kind.ONE_HOT, names.size(), width()));
      for (String level : kept) {
        names.add(column.name() + "=" + level);
      }
      if (other) {
        names.add(column.name() + "=(other)");
      }
      if (missingSlot) {
        names.add(column.name() + "=(missing)");
      }
    }
  }
}

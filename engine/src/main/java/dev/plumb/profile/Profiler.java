package dev.plumb.profile;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.Dataset;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.ReadInfo;
import dev.plumb.data.RowDigests;
import dev.plumb.data.Table;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Looks at a dataset the way a careful person would before modelling: summarises every column and
 * lists the problems that tend to hurt models or evaluations, each with its numbers and what to do.
 *
 * <p>Stateless and thread-safe; column summaries run in parallel but results do not depend on the
 * thread count. The thresholds are constants below, chosen to be quiet on clean data.
 */
public final class Profiler {
  /** Share of missing values from which a column is flagged as heavily missing. */
  static final double HEAVY_MISSING = 0.5;

  /** Share of missing values from which a column gets an informational note. */
  static final double NOTABLE_MISSING = 0.2;

  /** Share of present values taken by the top value from which a column is near-constant. */
  static final double NEAR_CONSTANT = 0.99;

  /** Levels above which a categorical column is high-cardinality. */
  static final int HIGH_CARDINALITY = 50;

  /** Largest over smallest class from which imbalance is a warning (informational from 3). */
  static final double SEVERE_IMBALANCE = 10;

  /** Classes with fewer rows than this are rare. */
  static final int RARE_CLASS_ROWS = 10;

  /** Normalized single-feature accuracy (or |correlation|) from which a feature is a leak suspect. */
  static final double LEAKAGE = 0.95;

  /** |Pearson r| (or eta) from which a feature is a leak suspect for a numeric target. */
  static final double REGRESSION_LEAKAGE = 0.98;

  /** Number of quantile bins a numeric feature is cut into to test it for leakage. */
  static final int LEAKAGE_BINS = 10;

  private static final int TOP_VALUES = 10;
  private static final int EXAMPLES = 5;

  private Profiler() {}

  /**
   * Profiles {@code dataset}; with a target, also its classes and the target-related checks.
   *
   * @throws dev.plumb.data.BadInputException when the target column does not exist
   */
  public static Profile profile(Dataset dataset, Optional<String> targetName) {
    Table table = dataset.table();
    Optional<Column> target = targetName.map(t -> table.require(t, "target"));
    int n = table.rowCount();
    ColumnProfile[] columns = new ColumnProfile[table.columnCount()];
    IntStream.range(0, columns.length)
        .parallel()
        .forEach(i -> columns[i] = columnProfile(table.column(i), n));

    List<Finding> findings = new ArrayList<>();
    Map<String, ReadInfo.ColumnReadStats> readStats = new HashMap<>();
    for (ReadInfo.ColumnReadStats s : dataset.info().columns()) {
      readStats.put(s.name(), s);
    }
    for (int i = 0; i < columns.length; i++) {
      boolean isTarget = target.isPresent() && target.get() == table.column(i);
      columnFindings(columns[i], table.column(i), n, isTarget, readStats.get(columns[i].name()),
          findings);
    }
    duplicateColumns(table, findings);
    long duplicateRows = duplicateRows(table, findings);
    Optional<TargetProfile> targetProfile = Optional.empty();
    if (target.isPresent()) {
      TargetProfile tp = targetProfile(target.get());
      targetProfile = Optional.of(tp);
      targetFindings(tp, findings);
      List<Column> features = new ArrayList<>(table.columns());
      features.remove(target.get());
      leakage(features, target.get(), tp.task(), columns, table, findings);
      if (tp.task().isClassification()) {
        conflictingLabels(features, (target.get()), findings);
      }
    }
    findings.sort(Comparator.comparing(Finding::severity).reversed());
    return new Profile(dataset.path(), dataset.version(), dataset.info(), List.of(columns),
        targetProfile, duplicateRows, findings);
  }

  static ColumnProfile columnProfile(Column column, int rows) {
    int missing = column.missingCount();
    double share = rows == 0 ? 0 : (double) missing / rows;
    if (column instanceof NumericColumn num) {
      double[] v = num.presentValues();
      Arrays.sort(v);
      int distinct = 0;
      for (int i = 0; i < v.length; i++) {
        if (i == 0 || v[i] != v[i - 1]) {
          distinct++;
        }
      }
      Optional<NumericSummary> summary =
          v.length == 0 ? Optional.empty() : Optional.of(summarize(v, distinct, num.type()));
      List<ValueCount> top = List.of();
      return new ColumnProfile(column.name(), column.type(), missing, share, distinct, summary, top);
    }
    CategoricalColumn cat = (CategoricalColumn) column;
    int[] counts = cat.levelCounts();
    List<ValueCount> top = IntStream.range(0, counts.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingInt(l -> counts[l]).reversed()
            .thenComparing(l -> l))
        .limit(TOP_VALUES)
        .map(l -> new ValueCount(cat.level(l), counts[l]))
        .toList();
    return new ColumnProfile(column.name(), column.type(), missing, share, cat.levelCount(),
        Optional.empty(), top);
  }

  /** Summary of sorted, present values. */
  static NumericSummary summarize(double[] sorted, int distinct, ColumnType type) {
    double q1 = quantile(sorted, 0.25);
    double q3 = quantile(sorted, 0.75);
    double iqr = q3 - q1;
    long outliers = 0;
    if (type != ColumnType.DATETIME && iqr > 0) {
      double lo = q1 - 1.5 * iqr;
      double hi = q3 + 1.5 * iqr;
      for (double x : sorted) {
        if (x < lo || x > hi) {
          outliers++;
        }
      }
    }
    double std = sorted.length > 1 ? Math.sqrt(StatUtils.variance(sorted)) : 0.0;
    return new NumericSummary(sorted[0], sorted[sorted.length - 1], StatUtils.mean(sorted), std, q1,
        quantile(sorted, 0.5), q3, outliers, histogram(sorted, distinct, type));
  }

  /** Hyndman and Fan's type 7 quantile of sorted values. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Equal-width bins: one per integer for integer columns with at most 30 distinct values in a
   * range of at most 30, otherwise Freedman and Diaconis' width, clamped to 10 to 50 bins.
   */
  static Histogram histogram(double[] sorted, int distinct, ColumnType type) {
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    double[] edges;
    if (type == ColumnType.INTEGER && max - min <= 30 && distinct <= 30) {
      int bins = (int) (max - min) + 1;
      edges = new double[bins + 1];
      for (int i = 0; i <= bins; i++) {
        edges[i] = min - 0.5 + i;
      }
    } else if (max == min) {
      edges = new double[] {min - 0.5, min + 0.5};
    } else {
      double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
      double width = 2 * iqr / Math.cbrt(sorted.length);
      int bins = width > 0 ? (int) Math.ceil((max - min) / width) : 10;
      bins = Math.max(10, Math.min(50, bins));
      edges = new double[bins + 1];
      for (int i = 0; i <= bins; i++) {
        edges[i] = min + (max - min) * i / bins;
      }
      edges[bins] = max;
    }
    int bins = edges.length - 1;
    long[] counts = new long[bins];
    double span = edges[bins] - edges[0];
    for (double x : sorted) {
      int b = (int) ((x - edges[0]) / span * bins);
      counts[Math.max(0, Math.min(bins - 1, b))]++;
    }
    return new Histogram(edges, counts);
  }

  private static void columnFindings(ColumnProfile p, Column column, int rows, boolean isTarget,
      ReadInfo.ColumnReadStats stats, List<Finding> out) {
    String name = p.name();
    int present = rows - p.missing();
    if (present == 0) {
      out.add(finding(FindingKind.ALL_MISSING, Severity.ERROR, name,
          String.format("'%s' is missing in every row; drop it", name), Map.of("missing", p.missing())));
      return;
    }
    if (p.missingShare() >= NOTABLE_MISSING) {
      boolean heavy = p.missingShare() >= HEAVY_MISSING;
      out.add(finding(FindingKind.HEAVY_MISSINGNESS, heavy ? Severity.WARNING : Severity.INFO, name,
          String.format(Locale.ROOT, "'%s' is missing in %s of rows (%d of %d); %s", name,
              pct(p.missingShare()), p.missing(), rows,
              heavy ? "consider dropping it, or keep a missing-indicator feature"
                  : "impute it inside the cross-validation folds"),
          evidence("missing", p.missing(), "missing_share", p.missingShare())));
    }
    if (isTarget) {
      return;
    }
    long top = topCount(p, column);
    if (p.distinct() == 1) {
      out.add(finding(FindingKind.CONSTANT_COLUMN, Severity.WARNING, name,
          String.format("'%s' has a single value%s; it carries no information, drop it", name,
              p.missing() > 0 ? " (besides missing ones)" : ""),
          evidence("distinct", 1)));
    } else if ((double) top / present >= NEAR_CONSTANT) {
      out.add(finding(FindingKind.NEAR_CONSTANT_COLUMN, Severity.INFO, name,
          String.format(Locale.ROOT, "'%s' has the same value in %s of present rows; it can only"
              + " help through its %d exceptions", name, pct((double) top / present), present - top),
          evidence("top_share", (double) top / present, "exceptions", present - top)));
    }
    boolean unique = p.distinct() == present && present == rows && rows >= 20;
    if (unique && (p.type() == ColumnType.INTEGER || p.type() == ColumnType.TEXT)) {
      out.add(finding(FindingKind.ID_LIKE_COLUMN, Severity.WARNING, name,
          String.format("'%s' has a different value in every row: an identifier, not a feature;"
              + " exclude it (it lets a model memorize rows)", name),
          evidence("distinct", p.distinct(), "rows", rows)));
    } else if (p.type() == ColumnType.TEXT) {
      out.add(finding(FindingKind.HIGH_CARDINALITY, Severity.INFO, name,
          String.format(Locale.ROOT, "'%s' is text with %d distinct values in %d rows: free text"
              + " or a near-identifier; exclude it or derive features from it", name, p.distinct(),
              present),
          evidence("distinct", p.distinct())));
    } else if (p.type() == ColumnType.CATEGORICAL && p.distinct() > HIGH_CARDINALITY) {
      out.add(finding(FindingKind.HIGH_CARDINALITY, Severity.INFO, name,
          String.format("'%s' has %d categories; group the rare ones or use a target encoding"
              + " fitted inside the folds", name, p.distinct()),
          evidence("distinct", p.distinct())));
    }
    if (stats != null && stats.numbers() > 0 && stats.texts() > 0) {
      boolean mostlyNumbers = stats.numbers() >= stats.texts();
      List<String> examples = new ArrayList<>();
      for (int i = 0; i < stats.textExamples().size(); i++) {
        examples.add("'" + stats.textExamples().get(i) + "' on line " + stats.textExampleLines().get(i));
      }
      out.add(finding(FindingKind.MIXED_TYPES, mostlyNumbers ? Severity.WARNING : Severity.INFO, name,
          String.format("'%s' mixes %d numbers with %d text values (e.g. %s), so it is read as"
              + " text; %s", name, stats.numbers(), stats.texts(), String.join(", ", examples),
              mostlyNumbers ? "fix those values, or add them as missing-value tokens with --na"
                  : "check whether the numbers belong"),
          evidence("numbers", stats.numbers(), "texts", stats.texts(), "examples",
              stats.textExamples())));
    }
    if (p.numeric().isPresent() && p.type() != ColumnType.DATETIME) {
      farOutliers(p, (NumericColumn) column, present, out);
    }
  }

  /**
   * Reports values beyond Tukey's far-out fences, {@code [Q1 - 3 IQR, Q3 + 3 IQR]}: on normal data
   * fewer than one value in 100,000 lies there, so what does is worth a look. Values beyond the
   * inner fences (1.5 IQR) are common in skewed data; they are counted in the column summary only.
   */
  private static void farOutliers(ColumnProfile p, NumericColumn column, int present,
      List<Finding> out) {
    NumericSummary s = p.numeric().orElseThrow();
    double iqr = s.q3() - s.q1();
    if (iqr <= 0) {
      return;
    }
    double lo = s.q1() - 3 * iqr;
    double hi = s.q3() + 3 * iqr;
    long far = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < column.size(); r++) {
      if (!column.isMissing(r)) {
        double v = column.get(r);
        if (v < lo || v > hi) {
          far++;
          lowest = Math.min(lowest, v);
          highest = Math.max(highest, v);
        }
      }
    }
    if (far == 0) {
      return;
    }
    double share = (double) far / present;
    String name = p.name();
    out.add(finding(FindingKind.OUTLIERS, share > 0.01 ? Severity.WARNING : Severity.INFO, name,
        String.format(Locale.ROOT, "'%s' has %d %s (%s) beyond Tukey's far-out fences [%s, %s], %s;"
            + " check they are real, not entry errors or sentinel codes", name, far,
            far == 1 ? "value" : "values", pct(share), num(lo), num(hi),
            lowest == highest ? (far == 1 ? "" : "all ") + "equal to " + num(lowest)
                : "from " + num(lowest) + " to " + num(highest)),
        evidence("far_outliers", far, "share", share, "lower_fence", lo, "upper_fence", hi,
            "outliers_1_5_iqr", s.outliers())));
  }

  private static long topCount(ColumnProfile p, Column column) {
    if (!p.topValues().isEmpty()) {
      return p.topValues().get(0).count();
    }
    if (column instanceof NumericColumn num) {
      double[] v = num.presentValues();
      Arrays.sort(v);
      long best = 0;
      long run = 0;
      for (int i = 0; i < v.length; i++) {
        run = i > 0 && v[i] == v[i - 1] ? run + 1 : 1;
        best = Math.max(best, run);
      }
      return best;
    }
    return 0;
  }

  private static void duplicateColumns(Table table, List<Finding> out) {
    Map<Long, List<Column>> byDigest = new HashMap<>();
    for (Column c : table.columns()) {
      if (c.missingCount() == c.size()) {
        continue;
      }
      long digest = c.type().ordinal();
      for (long cell : RowDigests.of(List.of(c))) {
        digest = digest * 0x9E3779B97F4A7C15L + cell;
      }
      List<Column> same = byDigest.computeIfAbsent(digest, k -> new ArrayList<>());
      for (Column earlier : same) {
        if (sameValues(earlier, c)) {
          out.add(finding(FindingKind.DUPLICATE_COLUMNS, Severity.WARNING, c.name(),
              String.format("'%s' is an exact copy of '%s'; drop one", c.name(), earlier.name()),
              evidence("copy_of", earlier.name())));
          break;
        }
      }
      same.add(c);
    }
  }

  private static boolean sameValues(Column a, Column b) {
    for (int r = 0; r < a.size(); r++) {
      if (!java.util.Objects.equals(a.text(r), b.text(r))) {
        return false;
      }
    }
    return true;
  }

  private static long duplicateRows(Table table, List<Finding> out) {
    int n = table.rowCount();
    long[] digests = RowDigests.of(table.columns());
    Map<Long, Integer> first = new HashMap<>();
    long duplicates = 0;
    List<String> examples = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      Integer earlier = first.putIfAbsent(digests[r], r);
      if (earlier != null) {
        duplicates++;
        if (examples.size() < EXAMPLES) {
          examples.add("row " + (r + 1) + " = row " + (earlier + 1));
        }
      }
    }
    if (duplicates > 0) {
      double share = (double) duplicates / n;
      out.add(new Finding(FindingKind.DUPLICATE_ROWS, share >= 0.01 ? Severity.WARNING : Severity.INFO,
          Optional.empty(),
          String.format(Locale.ROOT, "%d rows (%s) repeat an earlier row (data rows, e.g. %s);"
              + " duplicates inflate cross-validated scores when copies land in both train and"
              + " validation folds: drop them or group folds by them", duplicates, pct(share),
              String.join(", ", examples)),
          evidence("duplicate_rows", duplicates, "share", share)));
    }
    return duplicates;
  }

  static TargetProfile targetProfile(Column target) {
    Task task = Task.detect(target);
    List<ValueCount> classes = List.of();
    Optional<Double> ratio = Optional.empty();
    if (task.isClassification()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (int r = 0; r < target.size(); r++) {
        if (!target.isMissing(r)) {
          counts.merge(target.text(r), 1L, Long::sum);
        }
      }
      classes = counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .map(e -> new ValueCount(e.getKey(), e.getValue()))
          .toList();
      if (!classes.isEmpty()) {
        ratio = Optional.of((double) classes.get(0).count() / classes.get(classes.size() - 1).count());
      }
    }
    return new TargetProfile(target.name(), task, target.missingCount(), classes, ratio);
  }

  private static void targetFindings(TargetProfile t, List<Finding> out) {
    String name = t.name();
    if (t.missing() > 0) {
      out.add(finding(FindingKind.MISSING_TARGET, Severity.WARNING, name,
          String.format("target '%s' is missing in %d rows; they cannot be used for training or"
              + " scoring and are dropped by 'plumb baseline'", name, t.missing()),
          evidence("missing", t.missing())));
    }
    if (!t.task().isClassification()) {
      return;
    }
    if (t.classes().size() == 1) {
      out.add(finding(FindingKind.SINGLE_CLASS_TARGET, Severity.ERROR, name,
          String.format("target '%s' has a single class ('%s'); there is nothing to predict", name,
              t.classes().get(0).value()),
          evidence("classes", 1)));
      return;
    }
    double ratio = t.imbalanceRatio().orElse(1.0);
    if (ratio >= 3) {
      ValueCount big = t.classes().get(0);
      ValueCount small = t.classes().get(t.classes().size() - 1);
      out.add(finding(FindingKind.CLASS_IMBALANCE,
          ratio >= SEVERE_IMBALANCE ? Severity.WARNING : Severity.INFO, name,
          String.format(Locale.ROOT, "target classes are imbalanced %.1f:1 ('%s' %d vs '%s' %d);"
              + " judge models by balanced accuracy or ROC AUC, not accuracy, and stratify folds",
              ratio, big.value(), big.count(), small.value(), small.count()),
          evidence("imbalance_ratio", ratio)));
    }
    List<String> rare = t.classes().stream().filter(c -> c.count() < RARE_CLASS_ROWS)
        .map(c -> "'" + c.value() + "' (" + c.count() + ")").toList();
    if (!rare.isEmpty()) {
      long smallest = t.classes().get(t.classes().size() - 1).count();
      out.add(finding(FindingKind.RARE_CLASSES, smallest < 5 ? Severity.WARNING : Severity.INFO, name,
          String.format("classes with fewer than %d rows: %s; they cannot appear in every fold of a"
              + " 5-fold split with enough rows to learn from; merge them or collect more",
              RARE_CLASS_ROWS, String.join(", ", rare)),
          evidence("rare_classes", rare.size(), "smallest_class_rows", smallest)));
    }
  }

  /**
   * A feature is a leak suspect when, alone, it predicts the target almost perfectly: for classes,
   * the majority class per level (or per decile of a number) scores a normalized accuracy
   * {@code (acc - majority share) / (1 - majority share)} of at least {@value #LEAKAGE}; for a
   * numeric target, |Pearson r| of a number, or the correlation ratio (eta) of a category, is at
   * least {@value #REGRESSION_LEAKAGE}.
   */
  private static void leakage(List<Column> features, Column target, Task task,
      ColumnProfile[] profiles, Table table, List<Finding> out) {
    int[] rows = IntStream.range(0, target.size()).filter(r -> !target.isMissing(r)).toArray();
    if (rows.length < 20) {
      return;
    }
    Map<String, ColumnProfile> byName = new HashMap<>();
    for (ColumnProfile p : profiles) {
      byName.put(p.name(), p);
    }
    for (Column f : features) {
      ColumnProfile p = byName.get(f.name());
      if (p.distinct() <= 1 || f.type() == ColumnType.TEXT
          || (f instanceof CategoricalColumn c && c.levelCount() > Math.max(2, rows.length / 20))) {
        continue;
      }
      int[] groups = groups(f, rows);
      double score = task.isClassification()
          ? LeakageScore.classification(groups, classCodes(target, rows))
          : LeakageScore.regression(f, groups, values((NumericColumn) target, rows), rows);
      if (score >= (task.isClassification() ? LEAKAGE : REGRESSION_LEAKAGE)) {
        out.add(finding(FindingKind.LEAKAGE_SUSPECT, Severity.WARNING, f.name(),
            String.format(Locale.ROOT, "'%s' alone predicts the target '%s' almost perfectly"
                + " (score %.3f); make sure it is known at prediction time and is not derived from"
                + " the target", f.name(), target.name(), score),
            evidence("score", score)));
      }
    }
  }

  /** Group ids: level codes, or deciles of a number; missing values form their own group. */
  private static int[] groups(Column f, int[] rows) {
    int[] g = new int[rows.length];
    if (f instanceof CategoricalColumn cat) {
      for (int i = 0; i < rows.length; i++) {
        int code = cat.code(rows[i]);
        g[i] = code == CategoricalColumn.MISSING ? cat.levelCount() : code;
      }
      return g;
    }
    NumericColumn num = (NumericColumn) f;
    double[] present = IntStream.of(rows).filter(r -> !num.isMissing(r)).mapToDouble(num::get)
        .sorted().toArray();
    double[] cuts = new double[LEAKAGE_BINS - 1];
    for (int k = 1; k < LEAKAGE_BINS; k++) {
      cuts[k - 1] = present.length == 0 ? 0 : quantile(present, (double) k / LEAKAGE_BINS);
    }
    for (int i = 0; i < rows.length; i++) {
      if (num.isMissing(rows[i])) {
        g[i] = LEAKAGE_BINS;
      } else {
        double v = num.get(rows[i]);
        int b = 0;
        while (b < cuts.length && v > cuts[b]) {
          b++;
        }
        g[i] = b;
      }
    }
    return g;
  }

  private static int[] classCodes(Column target, int[] rows) {
    Map<String, Integer> codes = new HashMap<>();
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = codes.computeIfAbsent(target.text(rows[i]), k -> codes.size());
    }
    return out;
  }

  private static double[] values(NumericColumn c, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = c.get(rows[i]);
    }
    return out;
  }

  /**
   * Rows whose features are all equal but whose classes differ: label noise or missing features.
   * The share of rows outside the majority class of their group is an error floor no model can
   * beat on this data.
   */
  private static void conflictingLabels(List<Column> features, Column target, List<Finding> out) {
    if (features.isEmpty()) {
      return;
    }
    long[] digests = RowDigests.of(features);
    Map<Long, Map<String, Integer>> groups = new HashMap<>();
    int labelled = 0;
    for (int r = 0; r < digests.length; r++) {
      if (target.isMissing(r)) {
        continue;
      }
      labelled++;
      groups.computeIfAbsent(digests[r], k -> new HashMap<>()).merge(target.text(r), 1, Integer::sum);
    }
    long conflictGroups = 0;
    long conflictRows = 0;
    long floorErrors = 0;
    for (Map<String, Integer> g : groups.values()) {
      if (g.size() > 1) {
        conflictGroups++;
        int total = g.values().stream().mapToInt(Integer::intValue).sum();
        int majority = g.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        conflictRows += total;
        floorErrors += total - majority;
      }
    }
    if (conflictGroups > 0) {
      double floor = (double) floorErrors / labelled;
      out.add(new Finding(FindingKind.CONFLICTING_LABELS, Severity.WARNING, Optional.of(target.name()),
          String.format(Locale.ROOT, "%d groups of rows (%d rows) have identical features but"
              + " different '%s' labels; no model can be more than %.2f%% accurate here: check"
              + " labelling, or add the features that tell them apart", conflictGroups, conflictRows,
              target.name(), 100 * (1 - floor)),
          evidence("groups", conflictGroups, "rows", conflictRows, "min_error", floor)));
    }
  }

  private static Finding finding(FindingKind kind, Severity severity, String column, String message,
      Map<String, Object> evidence) {
    return new Finding(kind, severity, Optional.of(column), message, evidence);
  }

  private static Map<String, Object> evidence(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static String pct(double share) {
    if (share > 0 && share < 0.0005) {
      return "<0.1%";
    }
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  private static String num(double v) {
    return NumericColumn.formatNumber(Math.round(v * 1e4) / 1e4);
  }
}

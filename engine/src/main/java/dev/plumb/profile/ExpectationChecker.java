package dev.plumb.profile;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.Dataset;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.ReadInfo;
import dev.plumb.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks a dataset against {@link Expectations}, running every check rather than stopping at the
 * first failure, and keeping a few offending values of each. Stateless and thread-safe.
 */
public final class ExpectationChecker {
  private static final int EXAMPLES = 5;

  private ExpectationChecker() {}

  /** Checks {@code data} against {@code expectations} (read from {@code file}). */
  public static ExpectationReport check(Dataset data, Expectations expectations, Path file) {
    Table table = data.table();
    List<ExpectationFailure> failures = new ArrayList<>();
    int checks = 0;
    long rows = table.rowCount();
    if (expectations.minRows() != null || expectations.maxRows() != null) {
      checks++;
      long lo = expectations.minRows() == null ? 0 : expectations.minRows();
      long hi = expectations.maxRows() == null ? Long.MAX_VALUE : expectations.maxRows();
      if (rows < lo || rows > hi) {
        failures.add(new ExpectationFailure("rows", Optional.empty(), String.format(
            "expected %s rows, found %d", range(expectations.minRows(), expectations.maxRows()),
            rows), 1, List.of()));
      }
    }
    Set<String> expected = new HashSet<>();
    Map<String, ReadInfo.ColumnReadStats> stats = new HashMap<>();
    data.info().columns().forEach(s -> stats.put(s.name(), s));
    for (ColumnExpectation e : expectations.columns()) {
      expected.add(e.name());
      Optional<Column> found = table.find(e.name());
      checks++;
      if (found.isEmpty()) {
        if (e.isRequired()) {
          List<String> close = table.closestNames(e.name(), 2);
          failures.add(new ExpectationFailure("columns", Optional.of(e.name()),
              "required column '" + e.name() + "' is missing"
                  + (close.isEmpty() ? "" : " (similar: " + String.join(", ", close) + ")"),
              1, List.of()));
        }
        continue;
      }
      checks += checkColumn(e, found.get(), stats.get(e.name()), failures);
    }
    if (!expectations.extraColumnsAllowed()) {
      checks++;
      List<String> extra = table.columnNames().stream().filter(n -> !expected.contains(n)).toList();
      if (!extra.isEmpty()) {
        failures.add(new ExpectationFailure("columns", Optional.empty(),
            "unexpected columns: " + String.join(", ", extra)
                + " (set \"allow_extra_columns\": true to allow them)", extra.size(), extra));
      }
    }
    return new ExpectationReport(data.path(), data.version(), file, checks, failures);
  }

  private static int checkColumn(ColumnExpectation e, Column c, ReadInfo.ColumnReadStats stats,
      List<ExpectationFailure> out) {
    int checks = 0;
    String name = c.name();
    int rows = c.size();
    boolean anyPresent = c.missingCount() < rows;
    checks++;
    if (anyPresent && !compatible(e.type(), c.type())) {
      String detail = "";
      if (stats != null && !stats.textExamples().isEmpty()) {
        detail = " (e.g. '" + stats.textExamples().get(0) + "' on line "
            + stats.textExampleLines().get(0) + ")";
      }
      out.add(new ExpectationFailure("type", Optional.of(name), String.format(
          "'%s' should be %s but reads as %s%s", name, e.type(), c.type().label(), detail),
          rows - c.missingCount(), stats == null ? List.of() : stats.textExamples()));
      return checks; // the value checks below would only repeat the type failure
    }
    if (e.maxMissingShare() != null) {
      checks++;
      double share = rows == 0 ? 0 : (double) c.missingCount() / rows;
      if (share > e.maxMissingShare() + 1e-12) {
        out.add(new ExpectationFailure("max_missing_share", Optional.of(name), String.format(
            Locale.ROOT, "'%s' is missing in %.2f%% of rows (%d), at most %.2f%% allowed", name,
            100 * share, c.missingCount(), 100 * e.maxMissingShare()), c.missingCount(),
            examplesWhere(c, c::isMissing)));
      }
    }
    if (c instanceof NumericColumn num) {
      if (e.min() != null) {
        checks++;
        double lo = e.min();
        bound(out, "min", num, v -> v < lo, String.format("'%s' has %%d values below the minimum %s",
            name, NumericColumn.formatNumber(lo)));
      }
      if (e.max() != null) {
        checks++;
        double hi = e.max();
        bound(out, "max", num, v -> v > hi, String.format("'%s' has %%d values above the maximum %s",
            name, NumericColumn.formatNumber(hi)));
      }
      if (e.earliest() != null) {
        checks++;
        double lo = epoch(e.earliest(), name, "earliest");
        bound(out, "earliest", num, v -> v < lo,
            String.format("'%s' has %%d values before %s", name, e.earliest()));
      }
      if (e.latest() != null) {
        checks++;
        double hi = epoch(e.latest(), name, "latest");
        bound(out, "latest", num, v -> v > hi,
            String.format("'%s' has %%d values after %s", name, e.latest()));
      }
    }
    if (e.allowedValues() != null && c instanceof CategoricalColumn cat) {
      checks++;
      Set<String> allowed = new HashSet<>(e.allowedValues());
      int[] counts = cat.levelCounts();
      Map<String, Integer> unexpected = new LinkedHashMap<>();
      long bad = 0;
      for (int l = 0; l < counts.length; l++) {
        if (counts[l] > 0 && !allowed.contains(cat.level(l))) {
          unexpected.put(cat.level(l), counts[l]);
          bad += counts[l];
        }
      }
      if (bad > 0) {
        List<String> examples = unexpected.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(EXAMPLES)
            .map(x -> "'" + x.getKey() + "' ×" + x.getValue()).toList();
        out.add(new ExpectationFailure("allowed_values", Optional.of(name), String.format(
            "'%s' has %d values outside the %d allowed (%d new distinct: %s)", name, bad,
            allowed.size(), unexpected.size(), String.join(", ", examples)), bad, examples));
      }
    }
    if (Boolean.TRUE.equals(e.unique())) {
      checks++;
      Map<String, Integer> first = new HashMap<>();
      List<String> examples = new ArrayList<>();
      long dup = 0;
      for (int r = 0; r < rows; r++) {
        String v = c.text(r);
        if (v == null) {
          continue;
        }
        Integer earlier = first.putIfAbsent(v, r);
        if (earlier != null) {
          dup++;
          if (examples.size() < EXAMPLES) {
            examples.add("'" + v + "' at rows " + (earlier + 1) + " and " + (r + 1));
          }
        }
      }
      if (dup > 0) {
        out.add(new ExpectationFailure("unique", Optional.of(name), String.format(
            "'%s' should be unique but %d values repeat (e.g. %s)", name, dup,
            String.join(", ", examples)), dup, examples));
      }
    }
    return checks;
  }

  private static void bound(List<ExpectationFailure> out, String check, NumericColumn c,
      java.util.function.DoublePredicate bad, String template) {
    long count = 0;
    List<String> examples = new ArrayList<>();
    for (int r = 0; r < c.size(); r++) {
      if (!c.isMissing(r) && bad.test(c.get(r))) {
        count++;
        if (examples.size() < EXAMPLES) {
          examples.add(c.text(r) + " at row " + (r + 1));
        }
      }
    }
    if (count > 0) {
      out.add(new ExpectationFailure(check, Optional.of(c.name()),
          String.format(template, count) + " (e.g. " + String.join(", ", examples) + ")", count,
          examples));
    }
  }

  private static List<String> examplesWhere(Column c, java.util.function.IntPredicate p) {
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < c.size() && rows.size() < EXAMPLES; r++) {
      if (p.test(r)) {
        rows.add("row " + (r + 1));
      }
    }
    return rows;
  }

  /**
   * Whether data of type {@code actual} satisfies an expected type: integers are numbers, and the
   * text types stand for each other (a small batch of a categorical column can read as text).
   */
  static boolean compatible(String expected, ColumnType actual) {
    return switch (expected) {
      case "numeric" -> actual == ColumnType.NUMERIC || actual == ColumnType.INTEGER;
      case "integer" -> actual == ColumnType.INTEGER;
      case "datetime" -> actual == ColumnType.DATETIME;
      case "boolean", "categorical", "text" -> actual == ColumnType.BOOLEAN
          || actual == ColumnType.CATEGORICAL || actual == ColumnType.TEXT;
      default -> false;
    };
  }

  private static double epoch(String iso, String column, String field) {
    OptionalDouble t = dev.plumb.data.TemporalParser.epochSeconds(iso);
    if (t.isEmpty()) {
      throw new dev.plumb.data.BadInputException("expectations: column '" + column + "': " + field
          + " '" + iso + "' is not an ISO-8601 date or date-time; write e.g. 2024-03-01");
    }
    return t.getAsDouble();
  }

  private static String range(Long lo, Long hi) {
    if (lo != null && hi != null) {
      return "between " + lo + " and " + hi;
    }
    return lo != null ? "at least " + lo : "at most " + hi;
  }
}

package dev.plumb.learn;

import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.NumericColumn;
import dev.plumb.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns feed the learners, and why the others do not: the target, text and identifier
 * columns, and columns with no information (all missing, or one value) are left out with a note.
 * Decided once per dataset, from the column types only, so it cannot leak validation labels.
 * Immutable.
 *
 * @param features the columns used, in file order
 * @param notes one line per excluded column
 */
public record FeatureSelection(List<Column> features, List<String> notes) {
  /** Copies. */
  public FeatureSelection {
    features = List.copyOf(features);
    notes = List.copyOf(notes);
  }

  /** The feature columns of {@code table} for predicting {@code target}. */
  public static FeatureSelection of(Table table, String target) {
    List<Column> used = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c.name().equals(target)) {
        continue;
      }
      String why = exclusion(c);
      if (why == null) {
        used.add(c);
      } else {
        notes.add("'" + c.name() + "' excluded: " + why);
      }
    }
    return new FeatureSelection(used, notes);
  }

  private static String exclusion(Column c) {
    int n = c.size();
    int present = n - c.missingCount();
    if (present == 0) {
      return "every value is missing";
    }
    if (c.type() == ColumnType.TEXT) {
      return "text with mostly distinct values (an identifier or free text)";
    }
    if (c instanceof CategoricalColumn cat && cat.levelCount() == 1 && c.missingCount() == 0) {
      return "a single value";
    }
    if (c instanceof NumericColumn num) {
      Set<Double> distinct = new HashSet<>();
      boolean unique = true;
      for (int r = 0; r < n && (unique || distinct.size() < 2); r++) {
        if (!num.isMissing(r) && !distinct.add(num.get(r))) {
          unique = false;
        }
      }
      if (distinct.size() == 1 && c.missingCount() == 0) {
        return "a single value";
      }
      if (unique && present == n && n >= 20 && c.type() == ColumnType.INTEGER
          && isConsecutiveOrSorted(num)) {
        return "an identifier (a different integer in every row, in sequence)";
      }
    }
    return null;
  }

  /** Row numbers and sequence ids: strictly increasing integers. */
  private static boolean isConsecutiveOrSorted(NumericColumn num) {
    for (int r = 1; r < num.size(); r++) {
      if (num.get(r) <= num.get(r - 1)) {
        return false;
      }
    }
    return true;
  }
}

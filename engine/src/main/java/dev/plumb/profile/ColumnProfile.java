package dev.plumb.profile;

import dev.plumb.data.ColumnType;
import java.util.List;
import java.util.Optional;

/**
 * What one column holds. Immutable.
 *
 * @param name column name
 * @param type inferred type
 * @param missing missing values
 * @param missingShare missing values over rows
 * @param distinct distinct present values
 * @param numeric statistics, for numeric, integer and date-time columns
 * @param topValues the most frequent values, for boolean, categorical and text columns
 */
public record ColumnProfile(
    String name,
    ColumnType type,
    int missing,
    double missingShare,
    int distinct,
    Optional<NumericSummary> numeric,
    List<ValueCount> topValues) {

  /** Defensive copy. */
  public ColumnProfile {
    topValues = List.copyOf(topValues);
  }
}

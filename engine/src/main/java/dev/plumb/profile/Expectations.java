package dev.plumb.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumb.data.CategoricalColumn;
import dev.plumb.data.Column;
import dev.plumb.data.ColumnType;
import dev.plumb.data.Dataset;
import dev.plumb.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Data expectations: what new data must look like to be trusted, derived from reference data and
 * meant to be read and edited by a person ({@code plumb datatest write}, then {@code check}).
 * Immutable.
 *
 * @param schema the format version, {@code plumb/1}
 * @param kind always {@code expectations}
 * @param source the dataset the expectations were derived from (informational)
 * @param minRows the fewest rows allowed, or null
 * @param maxRows the most rows allowed, or null
 * @param allowExtraColumns whether columns not listed are allowed
 * @param columns one expectation per column
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expectations(
    @JsonProperty(value = "schema", required = true) String schema,
    @JsonProperty(value = "kind", required = true) String kind,
    @JsonProperty("source") Source source,
    @JsonProperty("min_rows") Long minRows,
    @JsonProperty("max_rows") Long maxRows,
    @JsonProperty("allow_extra_columns") Boolean allowExtraColumns,
    @JsonProperty(value = "columns", required = true) List<ColumnExpectation> columns) {

  /** Allowed values are listed for text columns with at most this many distinct values. */
  public static final int MAX_ALLOWED_VALUES = 100;

  /** Numeric ranges are widened by this share of the observed range on each side. */
  public static final double RANGE_MARGIN = 0.10;

  /** Defensive copy. */
  public Expectations {
    columns = List.copyOf(columns);
  }

  /**
   * Where expectations came from.
   *
   * @param path the reference file
   * @param version its dataset version
   * @param rows its row count
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Source(
      @JsonProperty("path") String path,
      @JsonProperty("version") String version,
      @JsonProperty("rows") Long rows) {}

  /**
   * Derives expectations from reference data: each column keeps its type; numeric ranges are the
   * observed range widened by {@value #RANGE_MARGIN} of it on each side, without crossing zero when
   * the data did not; a column that was complete must stay complete, otherwise the missing share may
   * grow by half plus two points; text columns with few values list them; columns unique per row
   * stay unique; date-times keep their observed span; the row count may halve or double. No
   * extra columns.
   */
  public static Expectations derive(Dataset dataset) {
    List<ColumnExpectation> out = new ArrayList<>();
    int rows = dataset.table().rowCount();
    for (Column c : dataset.table().columns()) {
      ColumnProfile p = Profiler.columnProfile(c, rows);
      double share = p.missingShare();
      Double maxMissing = share == 0 ? 0.0 : Math.min(1.0, round4(share * 1.5 + 0.02));
      Double min = null;
      Double max = null;
      List<String> allowed = null;
      String earliest = null;
      String latest = null;
      if (c instanceof NumericColumn num && c.type() == ColumnType.DATETIME
          && p.numeric().isPresent()) {
        earliest = num.format(p.numeric().get().min());
        latest = num.format(p.numeric().get().max());
      } else if (c instanceof NumericColumn && p.numeric().isPresent()) {
        double lo = p.numeric().get().min();
        double hi = p.numeric().get().max();
        double margin = RANGE_MARGIN * (hi - lo);
        min = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
        max = hi <= 0 ? Math.min(0, hi + margin) : hi + margin;
        if (c.type() == ColumnType.INTEGER) {
          min = Math.floor(min);
          max = Math.ceil(max);
        } else {
          min = round4Down(min);
          max = round4Up(max);
        }
      } else if (c instanceof CategoricalColumn cat && c.type() != ColumnType.TEXT
          && cat.levelCount() <= MAX_ALLOWED_VALUES) {
        allowed = cat.levels();
      }
      int present = rows - p.missing();
      Boolean unique = present >= 20 && p.distinct() == present && c.type() != ColumnType.NUMERIC
          && c.type() != ColumnType.DATETIME ? Boolean.TRUE : null;
      out.add(new ColumnExpectation(c.name(), c.type().label(), null, maxMissing, min, max,
          earliest, latest, allowed, unique));
    }
    return new Expectations("plumb/1", "expectations",
        new Source(dataset.path().toString(), dataset.version().id(), (long) rows),
        (long) Math.ceil(rows * 0.5), (long) rows * 2, false, out);
  }

  /** Whether columns not listed are allowed; false unless set. */
  public boolean extraColumnsAllowed() {
    return allowExtraColumns != null && allowExtraColumns;
  }

  private static double round4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  private static double round4Down(double v) {
    return Math.floor(v * 1e4 + 1e-7) / 1e4;
  }

  private static double round4Up(double v) {
    return Math.ceil(v * 1e4 - 1e-7) / 1e4;
  }
}

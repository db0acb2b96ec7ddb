package dev.plumb.drift;

import dev.plumb.data.BadInputException;
import dev.plumb.data.Column;
import dev.plumb.data.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares new data with a model's {@link DriftReference}, feature by feature, to point at likely
 * causes of a score drop. Stateless and thread-safe.
 */
public final class DriftCheck {
  /** The family-wise significance level; each feature's test is held to ALPHA / features. */
  public static final double ALPHA = 0.01;

  /**
   * The smallest PSI a significant test flags: below it the shift is too small to explain a score
   * drop, and with large samples the test's p value would flag the reference's own resolution
   * (its quantile grid puts the KS distance within about 0.01).
   */
  public static final double MIN_PSI_FOR_TEST = 0.02;

  /** The fewest new rows on which a PSI alone flags a feature. */
  public static final int MIN_ROWS_FOR_PSI = 200;

  /** Most drifted first: absent columns, then by PSI, then by p value, then by name. */
  private static final Comparator<FeatureDrift> MOST_DRIFTED_FIRST =
      Comparator.comparing((FeatureDrift d) -> d.severity() != DriftSeverity.MISSING)
          .thenComparing(Comparator.comparingDouble(FeatureDrift::psi).reversed())
          .thenComparingDouble(d -> d.test().map(DriftTest::pValue).orElse(1.0))
          .thenComparing(FeatureDrift::column);

  private DriftCheck() {}

  /**
   * The drift of every reference feature in {@code newData}, most drifted first. A feature column
   * absent from the new data is reported with severity {@link DriftSeverity#MISSING}; a numeric
   * feature whose new column is text is read from its text, non-numbers counting as missing.
   *
   * @throws BadInputException when the new data has no rows
   */
  public static List<FeatureDrift> compare(DriftReference reference, Table newData) {
    int rows = newData.rowCount();
    if (rows == 0) {
      throw new BadInputException("the new data has no rows; nothing to check for drift");
    }
    double alpha = ALPHA / Math.max(1, reference.features().size());
    List<FeatureDrift> out = new ArrayList<>();
    for (FeatureReference ref : reference.features()) {
      Column column = newData.find(ref.name()).orElse(null);
      Comparison c = ref.kind() == FeatureKind.NUMERIC
          ? NumericComparison.compare(ref, column, rows)
          : CategoricalComparison.compare(ref, column, rows);
      DriftSeverity severity =
          column == null ? DriftSeverity.MISSING : DriftSeverity.ofPsi(c.psi());
      Optional<DriftTest> test = column == null ? Optional.empty() : c.test();
      boolean significant = c.psi() >= MIN_PSI_FOR_TEST
          && test.map(t -> t.pValue() < alpha).orElse(false);
      // below MIN_ROWS_FOR_PSI new rows the PSI of a sample of the same distribution is itself
      // about (bins - 1)(1/n + 1/m), 0.2 at 40 rows: only the test can flag there
      boolean flagged = column == null || significant
          || (severity != DriftSeverity.NONE && rows >= MIN_ROWS_FOR_PSI);
      out.add(new FeatureDrift(ref.name(), ref.kind(), severity, flagged, rows,
          ref.missingShare(), (double) c.newMissing() / rows, c.psi(), test,
          column == null ? Optional.empty() : c.change()));
    }
    out.sort(MOST_DRIFTED_FIRST);
    return List.copyOf(out);
  }
}

package dev.plumb.drift;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/**
 * How far one feature of the new data moved from its training-time reference: a likely cause when
 * a model scores worse on new data. Immutable.
 *
 * @param column the feature column
 * @param kind how it was compared
 * @param severity by PSI ({@link DriftSeverity}), or {@link DriftSeverity#MISSING} when the column
 *     is absent from the new data
 * @param flagged whether it deserves a look: severity moderate or worse, or a test p value below
 *     {@link DriftCheck#ALPHA} divided by the number of features (Bonferroni) with a PSI of at
 *     least {@link DriftCheck#MIN_PSI_FOR_TEST}
 * @param newRows the rows of the new data
 * @param missingShareBefore the share of training rows where the value was missing
 * @param missingShareAfter the share of new rows where it is missing (1 for an absent column; for a
 *     numeric feature, values that are no longer numbers count as missing)
 * @param psi the population stability index; an absent column is compared as if all missing
 * @param test the two-sample test; empty for an absent column, and for a numeric feature with no
 *     present values on one side
 * @param change the change most worth showing a person, when there is one
 */
public record FeatureDrift(
    String column,
    FeatureKind kind,
    DriftSeverity severity,
    boolean flagged,
    int newRows,
    double missingShareBefore,
    double missingShareAfter,
    double psi,
    Optional<DriftTest> test,
    Optional<Change> change) {

  /**
   * One line for people, such as {@code x3: major drift (PSI 0.41, KS D=0.32, p<1e-12); median
   * 4.1 → 6; missing 0.0% → 5.0%}.
   */
  public String reason() {
    if (severity == DriftSeverity.MISSING) {
      return column + ": column missing from the new data";
    }
    StringBuilder s = new StringBuilder(column).append(": ").append(switch (severity) {
      case MAJOR -> "major drift";
      case MODERATE -> "moderate drift";
      default -> flagged ? "small but significant drift" : "no drift";
    });
    s.append(String.format(Locale.ROOT, " (PSI %.2f", psi));
    test.ifPresent(t -> s.append(t.method() == DriftTest.Method.KS
        ? String.format(Locale.ROOT, ", KS D=%.2f", t.statistic())
        : String.format(Locale.ROOT, ", chi2=%.1f", t.statistic()))
        .append(t.pValue() < 1e-12 ? ", p<1e-12" : String.format(Locale.ROOT, ", p=%.2g",
            t.pValue())));
    s.append(')');
    change.ifPresent(c -> s.append("; ").append(c.what()).append(' ')
        .append(kind == FeatureKind.NUMERIC ? number(c.before()) : percent(c.before()))
        .append(" → ")
        .append(kind == FeatureKind.NUMERIC ? number(c.after()) : percent(c.after())));
    if (Math.abs(missingShareAfter - missingShareBefore) >= 0.005) {
      s.append("; missing ").append(percent(missingShareBefore)).append(" → ")
          .append(percent(missingShareAfter));
    }
    return s.toString();
  }

  private static String number(double v) {
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}

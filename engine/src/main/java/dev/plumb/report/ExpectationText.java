package dev.plumb.report;

import dev.plumb.profile.ExpectationFailure;
import dev.plumb.profile.ExpectationReport;
import java.util.Locale;

/** The terminal form of an {@link ExpectationReport}. Stateless. */
public final class ExpectationText {
  private ExpectationText() {}

  /** Renders the report for a terminal. */
  public static String render(ExpectationReport r, Provenance provenance) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "datatest %s against %s%n", r.data(), r.expectations()));
    sb.append(String.format(Locale.ROOT, "dataset version %s · %d rows × %d columns%n",
        r.version().id(), r.version().rows(), r.version().columns()));
    if (r.passed()) {
      sb.append(String.format(Locale.ROOT, "PASS: all %d checks hold%n", r.checks()));
    } else {
      sb.append(String.format(Locale.ROOT, "FAIL: %d of %d checks failed%n", r.failures().size(),
          r.checks()));
      for (ExpectationFailure f : r.failures()) {
        sb.append(String.format(Locale.ROOT, "  %-18s %s%n", f.check(), f.message()));
      }
    }
    sb.append('\n').append(ProfileText.footer(provenance, "n/a")).append('\n');
    return sb.toString();
  }
}

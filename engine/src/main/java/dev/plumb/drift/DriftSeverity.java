package dev.plumb.drift;

import java.util.Locale;

/**
 * How much a feature drifted, by the usual rule of thumb for the population stability index: below
 * 0.1 no significant change, 0.1 to 0.25 a moderate change, 0.25 and above a major one (Siddiqi,
 * <i>Credit Risk Scorecards</i>, Wiley 2006; Yurdakul, <i>Statistical properties of population
 * stability index</i>, Western Michigan University 2018). Ordered from least to most severe.
 */
public enum DriftSeverity {
  /** PSI below {@value #MODERATE_PSI}. */
  NONE,
  /** PSI from {@value #MODERATE_PSI} up to {@value #MAJOR_PSI}. */
  MODERATE,
  /** PSI of {@value #MAJOR_PSI} or more. */
  MAJOR,
  /** The column is absent from the new data, so the model cannot see it at all. */
  MISSING;

  /** The smallest PSI called a moderate change. */
  public static final double MODERATE_PSI = 0.1;

  /** The smallest PSI called a major change. */
  public static final double MAJOR_PSI = 0.25;

  /** The severity of a present column with this PSI. */
  public static DriftSeverity ofPsi(double psi) {
    return psi >= MAJOR_PSI ? MAJOR : psi >= MODERATE_PSI ? MODERATE : NONE;
  }

  /** The lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.plumb.profile;

import java.util.Locale;

/** How much a finding matters. Ordered from least to most severe. */
public enum Severity {
  /** Worth knowing; rarely needs action. */
  INFO,
  /** Likely to hurt a model or an evaluation; look at it. */
  WARNING,
  /** Makes modelling unreliable until fixed. */
  ERROR;

  /** The lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.plumb.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How a feature is summarized and compared: by quantiles or by level counts. */
public enum FeatureKind {
  /** Numeric, integer and date-time columns: 101 quantiles, PSI on deciles, KS test. */
  @JsonProperty("numeric")
  NUMERIC,
  /** Boolean, categorical and text columns: level counts, PSI per level, chi-squared test. */
  @JsonProperty("categorical")
  CATEGORICAL;

  /** The lower-case name used in JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

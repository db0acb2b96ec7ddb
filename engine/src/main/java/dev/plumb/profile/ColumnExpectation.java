package dev.plumb.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one column must look like. Every field but {@code name} and {@code type} may be null,
 * meaning "not checked". Immutable; read from and written to the expectations file as is.
 *
 * @param name the column
 * @param type the inferred type it must have ({@code integer} data also satisfies {@code numeric};
 *     {@code boolean}, {@code categorical} and {@code text} satisfy each other)
 * @param required whether the column must be present (default true)
 * @param maxMissingShare the largest share of missing values allowed
 * @param min the smallest value allowed (numbers)
 * @param max the largest value allowed
 * @param earliest the earliest date-time allowed, ISO-8601 (date-time columns)
 * @param latest the latest date-time allowed, ISO-8601 (date-time columns)
 * @param allowedValues the values allowed (text columns)
 * @param unique whether every present value must be distinct
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record ColumnExpectation(
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "type", required = true) String type,
    @JsonProperty("required") Boolean required,
    @JsonProperty("max_missing_share") Double maxMissingShare,
    @JsonProperty("min") Double min,
    @JsonProperty("max") Double max,
    @JsonProperty("earliest") String earliest,
    @JsonProperty("latest") String latest,
    @JsonProperty("allowed_values") List<String> allowedValues,
    @JsonProperty("unique") Boolean unique) {

  /** Defensive copy. */
  public ColumnExpectation {
    allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
  }

  /** Whether the column must be present; true unless set to false. */
  public boolean isRequired() {
    return required == null || required;
  }
}

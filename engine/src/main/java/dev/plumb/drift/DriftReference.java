package dev.plumb.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.plumb.data.BadInputException;
import dev.plumb.data.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The training-time summaries of a model's feature columns, stored with the model so that
 * {@link DriftCheck} can compare new data against them. Immutable; written to JSON as
 * {@code {"features": [...]}} and read back equal.
 *
 * @param features one summary per feature column, in the order given
 */
public record DriftReference(
    @JsonProperty(value = "features", required = true) List<FeatureReference> features) {

  /**
   * Copies and checks that names are distinct.
   *
   * @throws IllegalArgumentException when a feature is listed twice
   */
  public DriftReference {
    features = List.copyOf(features);
    Set<String> seen = new HashSet<>();
    for (FeatureReference f : features) {
      if (!seen.add(f.name())) {
        throw new IllegalArgumentException("feature '" + f.name() + "' is listed twice");
      }
    }
  }

  /**
   * Summarizes the feature columns of the training data.
   *
   * @throws BadInputException when the table has no rows or a column is not in it
   */
  public static DriftReference of(Table table, Collection<String> featureColumns) {
    if (table.rowCount() == 0) {
      throw new BadInputException("the training data has no rows; nothing to summarize for drift");
    }
    List<FeatureReference> out = new ArrayList<>(featureColumns.size());
    for (String name : featureColumns) {
      out.add(FeatureReference.of(table.require(name, "feature")));
    }
    return new DriftReference(out);
  }

  /** The summary of the feature called {@code name}, if any. */
  public Optional<FeatureReference> find(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}

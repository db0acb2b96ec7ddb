package dev.plumb.profile;

import dev.plumb.data.DatasetVersion;
import dev.plumb.data.ReadInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of looking at a dataset: per-column summaries, the target, and the problems found,
 * most severe first. Immutable.
 *
 * @param path the file
 * @param version the dataset version
 * @param readInfo how the file was read
 * @param columns one profile per column, in file order
 * @param target the target's profile, when a target was named
 * @param duplicateRows rows identical to an earlier row
 * @param findings the problems, most severe first
 */
public record Profile(
    Path path,
    DatasetVersion version,
    ReadInfo readInfo,
    List<ColumnProfile> columns,
    Optional<TargetProfile> target,
    long duplicateRows,
    List<Finding> findings) {

  /** Defensive copies. */
  public Profile {
    columns = List.copyOf(columns);
    findings = List.copyOf(findings);
  }

  /** The most severe finding's severity, if any finding. */
  public Optional<Severity> worstSeverity() {
    return findings.stream().map(Finding::severity).max(Enum::compareTo);
  }
}

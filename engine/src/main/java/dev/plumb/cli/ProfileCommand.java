package dev.plumb.cli;

import dev.plumb.data.Dataset;
import dev.plumb.profile.Profile;
import dev.plumb.profile.Profiler;
import dev.plumb.profile.Severity;
import dev.plumb.report.Json;
import dev.plumb.report.ProfileHtml;
import dev.plumb.report.ProfileJson;
import dev.plumb.report.ProfileText;
import dev.plumb.report.Provenance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plumb profile}: look at the data, find problems. */
@Command(
    name = "profile",
    description = "Summarise every column and list data problems (with --target, also the"
        + " target's classes, leakage suspects and conflicting labels).",
    mixinStandardHelpOptions = true)
final class ProfileCommand implements Callable<Integer> {
  /** When findings make the command exit with 1. */
  enum FailOn {
    NEVER, INFO, WARNING, ERROR
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The CSV file to profile.")
  Path data;

  @Option(names = {"-t", "--target"}, paramLabel = "COLUMN", description = "The label column.")
  String target;

  @Mixin ReportOptions report;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit with 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES}"
          + " (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.NEVER;

  @Mixin CsvOptionsMixin csv;
  @Mixin CommonOptions common;
  @Mixin StoreOptions store;

  @Override
  public Integer call() {
    Dataset dataset = CommandIo.read(spec, data, csv, common);
    Profile profile = Profiler.profile(dataset, Optional.ofNullable(target));
    Provenance provenance = Provenance.current();
    byte[] jsonBytes = report.json == null ? null : Json.bytes(ProfileJson.of(profile, provenance));
    byte[] htmlBytes = report.html == null ? null
        : ProfileHtml.render(profile, provenance).getBytes(StandardCharsets.UTF_8);
    CommandIo.emit(spec, report.json, jsonBytes, report.html, htmlBytes,
        () -> ProfileText.render(profile, provenance));
    return store.record(common, failed(profile) ? ExitCode.CHECK_FAILED : ExitCode.OK,
        () -> RunRecords.profile(profile, Optional.ofNullable(target), provenance,
            Json.bytes(ProfileJson.of(profile, provenance))));
  }

  private boolean failed(Profile profile) {
    if (failOn == FailOn.NEVER) {
      return false;
    }
    Severity threshold = Severity.valueOf(failOn.name());
    return profile.worstSeverity().map(s -> s.compareTo(threshold) >= 0).orElse(false);
  }
}

package dev.plumb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output options of the commands that report: {@code --json} and {@code --html}. */
final class ReportOptions {
  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the result as JSON to FILE ('-' for stdout, instead of the summary).")
  String json;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a self-contained HTML report with charts to FILE.")
  Path html;
}

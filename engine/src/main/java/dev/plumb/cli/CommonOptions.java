package dev.plumb.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
  @Option(names = "--debug", description = "Show stack traces on errors.")
  boolean debug;

  @Option(names = {"-q", "--quiet"}, description = "No progress display on stderr.")
  boolean quiet;
}

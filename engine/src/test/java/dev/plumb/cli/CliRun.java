package dev.plumb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * What stderr held besides the line saying where the run was recorded (every successful
   * command records one; the tests' store is the plumb.store system property set in the pom).
   */
  String errBesidesRecording() {
    return err.lines().filter(l -> !l.startsWith("plumb: recorded run "))
        .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
  }

  /** The lines printed to stderr, without blank ones. */
  long errLines() {
    return err.lines().filter(l -> !l.isBlank()).count();
  }
}

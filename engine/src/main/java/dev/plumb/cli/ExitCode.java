package dev.plumb.cli;

/** The exit codes of every command, documented in the README. */
final class ExitCode {
  /** Everything ran and every check or target held. */
  static final int OK = 0;

  /** A check or target failed (data expectations, findings at {@code --fail-on}). */
  static final int CHECK_FAILED = 1;

  /** Bad input or usage: one line on stderr says what and what to do. */
  static final int BAD_INPUT = 2;

  /** A bug in Plumb: the message asks for a report; {@code --debug} shows the stack trace. */
  static final int INTERNAL_ERROR = 3;

  private ExitCode() {}
}

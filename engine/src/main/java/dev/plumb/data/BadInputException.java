package dev.plumb.data;

/**
 * Input that Plumb cannot use: a missing or malformed file, an unknown column, an invalid option.
 * The message is one line for a person: what is wrong, where (file, line, column) and what to do.
 * The command line maps it to exit code 2.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a complete, user-facing message. */
  public BadInputException(String message) {
    super(message);
  }

  /** An exception with a complete, user-facing message and the low-level cause. */
  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

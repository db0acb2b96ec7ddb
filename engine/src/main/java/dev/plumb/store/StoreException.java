package dev.plumb.store;

/**
 * The run store cannot be opened, read or written: the message says which store and why, in one
 * line (e.g. {@code cannot open .plumb/plumb.db: attempt to write a readonly database}).
 */
public final class StoreException extends RuntimeException {
  /** With a message for a person and the cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** With a message for a person. */
  public StoreException(String message) {
    super(message);
  }
}

package dev.plumb.testing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a deserialization gadget: a serializable class outside Plumb's model packages
 * whose {@code readObject} records that it ran. Tests hide it in a model file and check that
 * loading refuses the file without running it.
 */
public final class Detonator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many times any instance was deserialized. */
  public static final AtomicInteger READS = new AtomicInteger();

  private final String payload;

  /** A detonator carrying {@code payload}. */
  public Detonator(String payload) {
    this.payload = payload;
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    READS.incrementAndGet();
  }

  @Override
  public String toString() {
    return "Detonator(" + payload + ")";
  }
}

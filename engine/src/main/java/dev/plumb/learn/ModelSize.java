package dev.plumb.learn;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Measures how many bytes an object takes when serialized, without keeping them. Stateless. */
public final class ModelSize {
  private ModelSize() {}

  /** Bytes of the Java serialization of {@code model}. */
  public static long javaSerialized(Serializable model) {
    CountingStream counter = new CountingStream();
    try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
      out.writeObject(model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + model.getClass().getName(), e);
    }
    return counter.count;
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}

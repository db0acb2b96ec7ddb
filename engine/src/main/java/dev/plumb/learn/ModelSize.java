package dev.plumb.learn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialization of models, the way {@link ModelFile} stores them: {@link #javaSerialized}
 * counts the bytes without keeping them, {@link #bytes} keeps them; both write the same stream.
 * Stateless.
 */
public final class ModelSize {
  private ModelSize() {}

  /** Bytes of the Java serialization of {@code model}. */
  public static long javaSerialized(Serializable model) {
    CountingStream counter = new CountingStream();
    write(model, counter);
    return counter.count;
  }

  /** The Java serialization of {@code object}. */
  static byte[] bytes(Serializable object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(object, out);
    return out.toByteArray();
  }

  private static void write(Serializable object, OutputStream sink) {
    try (ObjectOutputStream out = new ObjectOutputStream(sink)) {
      out.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + object.getClass().getName(), e);
    } catch (StackOverflowError e) {
      throw new IllegalStateException(object.getClass().getName() + " is nested too deeply to be"
          + " serialized", e);
    }
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

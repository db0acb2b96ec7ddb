package dev.plumb.learn;

import dev.plumb.data.BadInputException;
import dev.plumb.plan.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.Checksum;

/**
 * Saves a {@link FittedPipeline} to bytes and loads it back, safely: a file that is not a Plumb
 * model, is damaged, or has been tampered with gives a {@link BadInputException} and never runs
 * code of the file's choosing.
 *
 * <h2>Format, version 2</h2>
 *
 * All integers are 32-bit, big-endian.
 *
 * <table>
 *   <caption>Layout of a model file</caption>
 *   <tr><th>bytes</th><th>content</th></tr>
 *   <tr><td>8</td><td>the magic {@code PLUMBMDL} in ASCII</td></tr>
 *   <tr><td>4</td><td>the format version, {@value #VERSION}</td></tr>
 *   <tr><td>4</td><td>the length {@code D} of the description</td></tr>
 *   <tr><td>D</td><td>the description: Java serialization of the learner spec text, the task, the
 *       target name, the class names and the fitted preprocessing</td></tr>
 *   <tr><td>4</td><td>the length {@code M} of the model</td></tr>
 *   <tr><td>M</td><td>the model: Java serialization of the {@link Model}, so {@code M} is
 *       {@link Model#sizeBytes()}; Tribuo models inside it are Tribuo's own protobuf
 *       bytes</td></tr>
 *   <tr><td>4</td><td>the CRC-32C of every byte before it</td></tr>
 * </table>
 *
 * <p>Reading checks the magic and the version first, then the lengths and the checksum, and only
 * then deserializes the two parts, through an allow-list ({@link #ALLOWED}): an
 * {@link ObjectInputStream} that refuses to even load a class whose name is not on the list, with
 * an {@link ObjectInputFilter} that checks the same list and bounds nesting depth, array lengths
 * and object counts by the size of the part. The list is Plumb's own learning classes, a handful
 * of JDK value classes, and the Smile model classes that Plumb's models reach (found by
 * serializing a model of every learner of both ladders and listing the classes in the streams;
 * the test {@code ModelFileTest} repeats that and fails on a class the list lacks or an entry no
 * model uses). Tribuo models are never Java-deserialized: their protobuf bytes go to Tribuo's
 * deserializer, after the Tribuo adapter has checked every class name in them.
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelFile {
  /** The format version this class writes; it also reads every earlier one. */
  public static final int VERSION = 2;

  /** The first format version, without a card. */
  private static final int VERSION_WITHOUT_CARD = 1;

  private static final byte[] MAGIC = "PLUMBMDL".getBytes(StandardCharsets.US_ASCII);

  /** Bytes of the file around its three parts: magic, version, three lengths, checksum. */
  private static final int FRAME_BYTES = MAGIC.length + 4 + 4 + 4 + 4 + 4;

  /** The deepest object nesting a part may have; Plumb's deepest, a CART tree, nests far less. */
  static final int MAX_DEPTH = 1_000;

  /**
   * The classes a model file may contain: a name ending in {@code .*} allows the classes of that
   * package, {@code .**} also those of its subpackages, any other name that class alone (nested
   * classes included by their binary name). Arrays are allowed when their element type is, and
   * arrays of primitives always.
   */
  static final List<String> ALLOWED = List.of(
      // Plumb's pipeline description, preprocessing and models (their serial forms), the task
      "dev.plumb.learn.**",
      "dev.plumb.plan.Task",
      // JDK classes in the streams: strings, enum constants (Plumb's and Smile's), and the hash
      // maps to boxed integers that Smile's IntSet and StructType keep
      "java.lang.String",
      "java.lang.Enum",
      "java.lang.Number",
      "java.lang.Integer",
      "java.lang.Byte",
      "java.util.HashMap",
      "java.util.Map$Entry",
      // Smile's fitted trees and forests (tree, stump, random_forest), boosting, naive Bayes and
      // linear models, with the formula and schema each keeps
      "smile.base.cart.CART",
      "smile.base.cart.DecisionNode",
      "smile.base.cart.InternalNode",
      "smile.base.cart.LeafNode",
      "smile.base.cart.NominalNode",
      "smile.base.cart.OrdinalNode",
      "smile.base.cart.RegressionNode",
      "smile.base.cart.SplitRule",
      "smile.classification.AbstractClassifier",
      "smile.classification.DecisionTree",
      "smile.classification.GradientTreeBoost",
      "smile.classification.NaiveBayes",
      "smile.regression.GradientTreeBoost",
      "smile.regression.LinearModel",
      "smile.regression.RegressionTree",
      "smile.data.formula.Formula",
      "smile.data.formula.Term",
      "smile.data.formula.Variable",
      "smile.data.measure.CategoricalMeasure",
      "smile.data.measure.NominalScale",
      "smile.data.type.DoubleType",
      "smile.data.type.IntegerType",
      "smile.data.type.StructField",
      "smile.data.type.StructType",
      "smile.stat.distribution.AbstractDistribution",
      "smile.stat.distribution.Distribution",
      "smile.stat.distribution.GaussianDistribution",
      "smile.util.IntSet");

  private ModelFile() {}

  /**
   * A model file's content: the pipeline and its card.
   *
   * @param pipeline the fitted pipeline
   * @param card the model card's JSON text, empty when the file has none
   */
  public record Contents(FittedPipeline pipeline, String card) {
    /** Checks for nulls. */
    public Contents {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(card, "card");
    }
  }

  /**
   * Writes {@code pipeline} without a card to {@code out} (which stays open).
   *
   * @throws IOException when writing fails
   */
  public static void write(FittedPipeline pipeline, OutputStream out) throws IOException {
    out.write(bytes(pipeline));
  }

  /** The bytes {@link #write} writes: the pipeline with an empty card. */
  public static byte[] bytes(FittedPipeline pipeline) {
    return bytes(pipeline, "");
  }

  /** The bytes of a model file holding {@code pipeline} and the card text {@code card}. */
  public static byte[] bytes(FittedPipeline pipeline, String card) {
    byte[] description = ModelSize.bytes(Description.of(pipeline));
    byte[] model = ModelSize.bytes(pipeline.model());
    byte[] cardBytes = card.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(FRAME_BYTES + description.length
        + model.length + cardBytes.length);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(description.length);
      out.write(description);
      out.writeInt(model.length);
      out.write(model);
      out.writeInt(cardBytes.length);
      out.write(cardBytes);
      CRC32C crc = new CRC32C();
      crc.update(buffer.toByteArray());
      out.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return buffer.toByteArray();
  }

  /**
   * The number of bytes {@link #write} writes for {@code pipeline} (with an empty card), without
   * writing them: the
   * description is serialized (it is small) and the model's size is {@link Model#sizeBytes()},
   * which large models compute once.
   */
  public static long size(FittedPipeline pipeline) {
    return FRAME_BYTES + ModelSize.javaSerialized(Description.of(pipeline))
        + pipeline.model().sizeBytes();
  }

  /**
   * Saves {@code pipeline} without a card to {@code file}, replacing it.
   *
   * @throws BadInputException when the file cannot be written, naming it
   */
  public static void save(FittedPipeline pipeline, Path file) {
    try {
      Files.write(file, bytes(pipeline));
    } catch (IOException e) {
      throw new BadInputException("cannot write model file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the pipeline saved in {@code file}.
   *
   * @throws BadInputException when the file cannot be read or is not a valid Plumb model file, with
   *     the file name and what is wrong
   */
  public static FittedPipeline load(Path file) {
    return loadContents(file).pipeline();
  }

  /**
   * Loads the pipeline and the card saved in {@code file}.
   *
   * @throws BadInputException when the file cannot be read or is not a valid Plumb model file, with
   *     the file name and what is wrong
   */
  public static Contents loadContents(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readContents(in);
    } catch (NoSuchFileException e) {
      throw new BadInputException("model file " + file + " not found");
    } catch (IOException e) {
      throw new BadInputException("cannot read model file " + file + ": " + e.getMessage(), e);
    } catch (BadInputException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a pipeline written by {@link #write}, to the end of {@code in}.
   *
   * @throws BadInputException when the bytes are not a Plumb model file ("not a Plumb model file"),
   *     are of another format version, are truncated or damaged, or contain a class that is not on
   *     the allow-list ("model file rejected: class X is not allowed")
   * @throws IOException when reading {@code in} fails
   */
  public static FittedPipeline read(InputStream in) throws IOException {
    return readContents(in).pipeline();
  }

  /**
   * Reads a pipeline and its card written by {@link #bytes(FittedPipeline, String)} or an earlier
   * version, to the end of {@code in}.
   *
   * @throws BadInputException as {@link #read} does, and when the card is not UTF-8 text
   * @throws IOException when reading {@code in} fails
   */
  public static Contents readContents(InputStream in) throws IOException {
    Checksum crc = new CRC32C();
    CheckedInputStream checked = new CheckedInputStream(in, crc);
    byte[] magic = checked.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new BadInputException("not a Plumb model file (it does not start with "
          + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
    }
    int version = readInt(checked, "the format version");
    if (version != VERSION && version != VERSION_WITHOUT_CARD) {
      throw new BadInputException("model file format version " + version + " is not supported;"
          + " this Plumb reads versions 1 to " + VERSION + (version > VERSION
          ? ", so the file comes from a newer Plumb: use that, or save the model again"
          : "; save the model again with this Plumb"));
    }
    byte[] description = readPart(checked, "description");
    byte[] model = readPart(checked, "model");
    byte[] card = version == VERSION_WITHOUT_CARD ? new byte[0] : readPart(checked, "card");
    int expected = (int) crc.getValue();
    int stored = readInt(in, "the checksum");
    if (stored != expected) {
      throw new BadInputException("model file is damaged: its checksum does not match its"
          + " content");
    }
    if (in.read() != -1) {
      throw new BadInputException("model file is damaged: it has data after its end");
    }
    Object d = deserialize(description, "description");
    Object m = deserialize(model, "model");
    if (!(d instanceof Description desc) || !(m instanceof Model fitted)) {
      throw new BadInputException("model file is damaged: its parts are not a pipeline and a"
          + " model");
    }
    String cardText;
    try {
      cardText = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(card)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException("model file is damaged: its card is not UTF-8 text", e);
    }
    try {
      return new Contents(desc.pipeline(fitted), cardText);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadInputException("model file is damaged: " + e.getMessage(), e);
    }
  }

  private static int readInt(InputStream in, String what) throws IOException {
    byte[] b = in.readNBytes(4);
    if (b.length < 4) {
      throw truncated(what);
    }
    return ByteBuffer.wrap(b).getInt();
  }

  private static byte[] readPart(InputStream in, String what) throws IOException {
    int length = readInt(in, "the length of the " + what);
    if (length < 0) {
      throw new BadInputException("model file is damaged: the " + what + " has length " + length);
    }
    byte[] part = in.readNBytes(length);
    if (part.length < length) {
      throw truncated("the " + what);
    }
    return part;
  }

  private static BadInputException truncated(String what) {
    return new BadInputException("model file is truncated: it ends before " + what
        + "; save the model again");
  }

  private static Object deserialize(byte[] bytes, String part) {
    Guard guard = new Guard(bytes.length);
    try (ObjectInputStream in = new GuardedInput(new ByteArrayInputStream(bytes), guard)) {
      in.setObjectInputFilter(guard);
      Object o = in.readObject();
      if (in.read() != -1) {
        throw new BadInputException("model file is damaged: the " + part + " has data after its"
            + " end");
      }
      return o;
    } catch (InvalidClassException e) {
      if (guard.rejection != null) {
        throw new BadInputException("model file rejected: " + guard.rejection, e);
      }
      throw damaged(part, e);
    } catch (ClassNotFoundException e) {
      throw new BadInputException("model file needs class " + e.getMessage() + ", which this"
          + " version of Plumb does not have; load it with the Plumb that saved it", e);
    } catch (BadInputException e) {
      throw e;
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw damaged(part, e);
    }
  }

  private static BadInputException damaged(String part, Throwable e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new BadInputException("model file is damaged: cannot read its " + part + " ("
        + detail + ")", e);
  }

  /** Whether {@code name}, a class's binary name, is on {@link #ALLOWED}. */
  static boolean allowed(String name) {
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    for (String entry : ALLOWED) {
      if (entry.endsWith(".**")) {
        String prefix = entry.substring(0, entry.length() - 3);
        if (pkg.equals(prefix) || pkg.startsWith(prefix + ".")) {
          return true;
        }
      } else if (entry.endsWith(".*")) {
        if (pkg.equals(entry.substring(0, entry.length() - 2))) {
          return true;
        }
      } else if (name.equals(entry)) {
        return true;
      }
    }
    return false;
  }

  /** The element class name of an array class name such as {@code [[Lfoo.Bar;}, or null. */
  private static String elementName(String arrayName) {
    int dims = 0;
    while (dims < arrayName.length() && arrayName.charAt(dims) == '[') {
      dims++;
    }
    String rest = arrayName.substring(dims);
    if (rest.length() == 1) {
      return null; // primitive element
    }
    return rest.startsWith("L") && rest.endsWith(";") ? rest.substring(1, rest.length() - 1) : rest;
  }

  /**
   * The allow-list as a filter, with limits from the part's size: no array longer than the part
   * has bytes, no more objects than it has bytes, no nesting deeper than {@link #MAX_DEPTH}.
   * Remembers why it rejected, for the message. One per stream; not thread-safe.
   */
  private static final class Guard implements ObjectInputFilter {
    private final long bytes;
    String rejection;

    Guard(long bytes) {
      this.bytes = bytes;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      if (info.depth() > MAX_DEPTH) {
        return reject("objects nested deeper than " + MAX_DEPTH + " levels");
      }
      if (info.arrayLength() > bytes || info.references() > bytes) {
        return reject("an array or object count larger than the file");
      }
      Class<?> c = info.serialClass();
      if (c == null) {
        return Status.UNDECIDED;
      }
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.isPrimitive() || allowed(c.getName())) {
        return Status.ALLOWED;
      }
      return reject("class " + c.getName() + " is not allowed");
    }

    Status reject(String why) {
      if (rejection == null) {
        rejection = why;
      }
      return Status.REJECTED;
    }
  }

  /** An object stream that refuses to load a class not on the allow-list, or any proxy class. */
  private static final class GuardedInput extends ObjectInputStream {
    private final Guard guard;

    GuardedInput(InputStream in, Guard guard) throws IOException {
      super(in);
      this.guard = guard;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException,
        ClassNotFoundException {
      String name = desc.getName();
      String element = name.startsWith("[") ? elementName(name) : name;
      if (element != null && !allowed(element)) {
        guard.reject("class " + element + " is not allowed");
        throw new InvalidClassException(name, "not allowed");
      }
      return super.resolveClass(desc);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws InvalidClassException {
      guard.reject("proxy classes are not allowed");
      throw new InvalidClassException("proxy", "not allowed");
    }
  }

  /**
   * The part of a pipeline saved beside the model.
   *
   * @param learner the learner spec, as text
   * @param task the task
   * @param target the target column
   * @param classNames the class names (empty for regression)
   * @param preprocessing the fitted preprocessing
   */
  private record Description(String learner, Task task, String target, String[] classNames,
      Preprocessor.Fitted preprocessing) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks for missing parts (a loaded description comes from a file). */
    Description {
      if (learner == null || task == null || target == null || classNames == null
          || preprocessing == null) {
        throw new IllegalArgumentException("a pipeline description with a missing part");
      }
    }

    static Description of(FittedPipeline p) {
      return new Description(p.learner().text(), p.task(), p.target(),
          p.classNames().toArray(new String[0]), p.preprocessing());
    }

    FittedPipeline pipeline(Model model) {
      LearnerSpec spec;
      try {
        spec = LearnerSpec.parse(learner);
      } catch (BadInputException e) {
        throw new IllegalArgumentException("its learner spec does not parse: " + e.getMessage(), e);
      }
      return new FittedPipeline(spec, task, target, Arrays.asList(classNames), preprocessing,
          model);
    }
  }
}

package dev.plumb.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvOptions;
import dev.plumb.data.CsvTableReader;
import dev.plumb.data.Table;
import dev.plumb.evaluate.Problem;
import dev.plumb.plan.Task;
import dev.plumb.testing.Detonator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Saving and loading fitted pipelines: every learner of both ladders round-trips and predicts the
 * rows of a separately read file exactly as it did before saving; the size is the written length;
 * foreign, damaged and tampered files are refused with a clear message, and no class outside the
 * allow-list is ever deserialized.
 */
class ModelFileTest {
  private static final Path DATA = Path.of("../datasets");
  private static final long SEED = 42;

  /** penguins (3 classes, missing values, categories) and concrete (numbers). */
  enum Data {
    PENGUINS("penguins", "species", "\"Biscoe\""),
    CONCRETE("concrete", "compressive_strength", null);

    final String file;
    final String target;
    /** Lines starting with this are left out of the copy, so its dictionaries differ. */
    final String dropPrefix;

    Data(String file, String target, String dropPrefix) {
      this.file = file;
      this.target = target;
      this.dropPrefix = dropPrefix;
    }

    Path path() {
      return DATA.resolve(file + ".csv");
    }
  }

  private static final Map<Data, Table> TABLES = new ConcurrentHashMap<>();

  private static Table table(Data d) {
    return TABLES.computeIfAbsent(d, k -> CsvTableReader.read(k.path(), CsvOptions.defaults())
        .table());
  }

  static Stream<Arguments> ladder() {
    List<Arguments> out = new ArrayList<>();
    for (Data d : Data.values()) {
      Task task = Problem.of(table(d), d.target, Optional.empty()).task();
      List<String> specs = new ArrayList<>(LearnerCatalog.names(task));
      specs.add("tribuo:knn");
      if (task.isClassification()) {
        specs.add("tribuo:logistic");
      }
      for (String spec : specs) {
        out.add(Arguments.of(d, spec));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("ladder")
  void aSavedPipelinePredictsTheRowsOfAnotherReadingOfTheFileExactlyAsBefore(Data d, String spec,
      @TempDir Path dir) throws IOException {
    Table original = table(d);
    Problem problem = Problem.of(original, d.target, Optional.empty());
    Learner learner = LearnerCatalog.resolve(LearnerSpec.parse(spec), problem.task());
    FittedPipeline fitted = problem.fitPipeline(learner, SEED);

    // a copy of the file: rows in reverse order, some left out so that category codes differ
    List<String> lines = Files.readAllLines(d.path());
    List<Integer> kept = new ArrayList<>();
    for (int i = lines.size() - 1; i >= 1; i--) {
      if (d.dropPrefix == null ? i % 3 != 0 : !lines.get(i).startsWith(d.dropPrefix)) {
        kept.add(i - 1);
      }
    }
    List<String> copyLines = new ArrayList<>();
    copyLines.add(lines.get(0));
    kept.forEach(r -> copyLines.add(lines.get(r + 1)));
    Path copyFile = dir.resolve("copy.csv");
    Files.write(copyFile, copyLines);
    Table copy = CsvTableReader.read(copyFile, CsvOptions.defaults()).table();
    int[] copyRows = IntStream.range(0, copy.rowCount()).toArray();
    int[] originalRows = kept.stream().mapToInt(Integer::intValue).toArray();

    // what the model predicts in memory, through the training path of the preprocessing
    int[] trainRows = problem.rows(IntStream.range(0, problem.size()).toArray());
    double[][] x = Preprocessor.fit(problem.features().features(), trainRows)
        .transform(originalRows);

    Path file = dir.resolve("model.plumb");
    ModelFile.save(fitted, file);
    byte[] bytes = Files.readAllBytes(file);
    FittedPipeline loaded = ModelFile.load(file);

    assertThat(fitted.sizeBytes()).as("size").isEqualTo(bytes.length);
    assertThat(fitted.model().sizeBytes()).as("model size").isEqualTo(parts(bytes)[1].length);
    assertThat(ModelFile.bytes(fitted)).as("written twice").isEqualTo(bytes);
    assertThat(loaded.learner()).isEqualTo(fitted.learner());
    assertThat(loaded.task()).isEqualTo(problem.task());
    assertThat(loaded.target()).isEqualTo(d.target);
    assertThat(loaded.classNames()).isEqualTo(problem.classNames());
    assertThat(loaded.preprocessing().featureNames())
        .isEqualTo(fitted.preprocessing().featureNames());
    if (problem.task().isClassification()) {
      assertThat(loaded.predictProba(copy, copyRows))
          .isDeepEqualTo(fitted.model().predictProba(x));
    } else {
      assertThat(loaded.predict(copy, copyRows)).isEqualTo(fitted.model().predict(x));
    }
  }

  /**
   * The allow-list is derived from the models, not guessed: every class in the Java-serialized
   * parts of every ladder model is on it, and the list has no entry that no model uses (apart from
   * the preprocessing's encoders for kinds of column these two files do not have, covered by the
   * package wildcard).
   */
  @Test
  void theAllowListIsExactlyTheClassesTheModelsUse() {
    Set<String> used = new TreeSet<>();
    ladder().forEach(a -> {
      Data d = (Data) a.get()[0];
      Problem problem = Problem.of(table(d), d.target, Optional.empty());
      FittedPipeline p = problem.fitPipeline(
          LearnerCatalog.resolve(LearnerSpec.parse((String) a.get()[1]), problem.task()), SEED);
      byte[][] parts = parts(ModelFile.bytes(p));
      used.addAll(classesIn(parts[0]));
      used.addAll(classesIn(parts[1]));
    });
    // a binary Smile forest and boosting, which keep other arrays than the multiclass ones
    Data d = Data.PENGUINS;
    Problem binary = Problem.of(table(d), "sex", Optional.empty());
    for (String spec : List.of("random_forest", "gradient_boosting", "naive_bayes")) {
      FittedPipeline p = binary.fitPipeline(
          LearnerCatalog.resolve(LearnerSpec.parse(spec), binary.task()), SEED);
      used.addAll(classesIn(parts(ModelFile.bytes(p))[1]));
    }
    assertThat(used).allSatisfy(c -> assertThat(ModelFile.allowed(c)).as(c).isTrue());
    List<String> unused = new ArrayList<>();
    for (String entry : ModelFile.ALLOWED) {
      if (!entry.endsWith("*") && !used.contains(entry)) {
        unused.add(entry);
      }
    }
    assertThat(unused).as("allow-list entries no model uses").isEmpty();
    assertThat(used).noneMatch(c -> c.startsWith("java.nio") || c.startsWith("org.tribuo"));
  }

  @Test
  void refusesAFileThatIsNotAModel() {
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    assertRefused(random, "not a Plumb model file");
    assertRefused(new byte[0], "not a Plumb model file");
    assertRefused("species,island\nAdelie,Dream\n".getBytes(StandardCharsets.UTF_8),
        "not a Plumb model file");
  }

  @Test
  void refusesATruncatedFileWhereverItIsCut() {
    byte[] whole = ModelFile.bytes(majority());
    for (int length : new int[] {8, 10, 12, 14, 20, whole.length / 2, whole.length - 5,
        whole.length - 1}) {
      assertRefused(Arrays.copyOf(whole, length), "model file is truncated");
    }
  }

  @Test
  void refusesAnotherFormatVersionBeforeReadingFurther() {
    byte[] file = ModelFile.bytes(majority());
    ByteBuffer.wrap(file).putInt(8, ModelFile.VERSION + 1);
    assertRefused(file, "model file format version " + (ModelFile.VERSION + 1)
        + " is not supported");
  }

  @Test
  void refusesAFileWhoseBytesChanged() {
    byte[] file = ModelFile.bytes(majority());
    file[file.length / 2] ^= 0x10;
    assertRefused(file, "model file is damaged: its checksum does not match");
    byte[] longer = Arrays.copyOf(ModelFile.bytes(majority()), file.length + 1);
    assertRefused(longer, "model file is damaged");
  }

  @Test
  void rejectsClassesOutsideTheAllowListWithoutRunningThem() {
    byte[][] parts = parts(ModelFile.bytes(majority()));
    int before = Detonator.READS.get();

    Map<String, Object> map = new HashMap<>();
    map.put("model", new Detonator("boom"));
    assertRefused(file(parts[0], serialize(map)),
        "model file rejected: class dev.plumb.testing.Detonator is not allowed");
    assertRefused(file(serialize(new Detonator("boom")), parts[1]),
        "model file rejected: class dev.plumb.testing.Detonator is not allowed");
    assertRefused(file(parts[0], serialize(new BadAttributeValueExpException("x"))),
        "model file rejected: class javax.management.BadAttributeValueExpException is not"
            + " allowed");
    PriorityQueue<String> queue = new PriorityQueue<>(Collections.reverseOrder());
    queue.add("a");
    queue.add("b");
    assertRefused(file(parts[0], serialize(queue)),
        "model file rejected: class java.util.PriorityQueue is not allowed");
    assertRefused(file(parts[0], serialize(new Object[] {"a"})),
        "model file rejected: class java.lang.Object is not allowed");

    assertThat(Detonator.READS.get()).as("gadget readObject calls").isEqualTo(before);
  }

  @Test
  void rejectsAnAllowedClassThatIsNotAModel() {
    byte[][] parts = parts(ModelFile.bytes(majority()));
    assertRefused(file(parts[0], serialize("just a string")), "model file is damaged");
    assertRefused(file(parts[1], parts[0]), "model file is damaged");
  }

  @Test
  void rejectsTribuoBytesThatNameAClassOutsideTribuo() {
    Problem penguins = Problem.of(table(Data.PENGUINS), "species", Optional.empty());
    FittedPipeline logistic = penguins.fitPipeline(
        LearnerCatalog.resolve(LearnerSpec.parse("tribuo:logistic"), penguins.task()), SEED);
    byte[][] parts = parts(ModelFile.bytes(logistic));
    // same length, so the protobuf and Java length prefixes stay valid
    byte[] model = replace(parts[1], "org.tribuo.classification.liblinear.LibLinearClassification",
        "java.lang.ProcessBuilder...........................................".substring(0, 59));
    assertRefused(file(parts[0], model), "model file rejected: class java.lang.ProcessBuilder");
  }

  @Test
  void rejectsObjectsNestedDeeperThanTheLimit() throws InterruptedException {
    byte[][] parts = parts(ModelFile.bytes(majority()));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    // a deep stream needs a deep stack to write; the limit stops the read long before
    Thread t = new Thread(null, () -> {
      Map<String, Object> deep = new HashMap<>();
      for (int i = 0; i < ModelFile.MAX_DEPTH + 50; i++) {
        Map<String, Object> outer = new HashMap<>();
        outer.put("m", deep);
        deep = outer;
      }
      try {
        readBytes(file(parts[0], serialize((Serializable) deep)));
      } catch (Throwable e) {
        thrown.set(e);
      }
    }, "deep", 256L << 20);
    t.start();
    t.join();
    assertThat(thrown.get()).isInstanceOf(BadInputException.class)
        .hasMessageContaining("model file rejected: objects nested deeper than");
  }

  @Test
  void rejectsAnArrayLongerThanTheFile() {
    byte[][] parts = parts(ModelFile.bytes(majority()));
    byte[] stream = serialize(new int[] {0x11223344, 0x55667788});
    byte[] huge = replace(stream, new byte[] {0, 0, 0, 2, 0x11, 0x22, 0x33, 0x44},
        new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x11, 0x22, 0x33, 0x44});
    assertRefused(file(parts[0], huge), "model file rejected: an array or object count larger");
  }

  @Test
  void loadNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ": not a Plumb model file (it does not start with PLUMBMDL)");
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("none.plumb")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("not found");
  }

  @Test
  void aLoadedPipelineNamesAMissingColumn() {
    FittedPipeline p = readBytes(ModelFile.bytes(majority()));
    Table other = CsvTableReader.read(DATA.resolve("iris.csv"), CsvOptions.defaults()).table();
    assertThatThrownBy(() -> p.predictProba(other, new int[] {0}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("feature column 'island' not found");
  }

  private static FittedPipeline majority() {
    Problem penguins = Problem.of(table(Data.PENGUINS), "species", Optional.empty());
    return penguins.fitPipeline(
        LearnerCatalog.resolve(LearnerSpec.parse("majority"), penguins.task()), SEED);
  }

  private static void assertRefused(byte[] file, String message) {
    assertThatThrownBy(() -> readBytes(file)).isInstanceOf(BadInputException.class)
        .hasMessageContaining(message);
  }

  private static FittedPipeline readBytes(byte[] file) {
    try {
      return ModelFile.read(new ByteArrayInputStream(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The description, model and card parts of a file, read by the documented layout. */
  static byte[][] parts(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file);
    b.position(12);
    byte[] description = new byte[b.getInt()];
    b.get(description);
    byte[] model = new byte[b.getInt()];
    b.get(model);
    byte[] card = new byte[b.getInt()];
    b.get(card);
    assertThat(b.remaining()).isEqualTo(4);
    return new byte[][] {description, model, card};
  }

  /** A file of the documented layout around the parts, an empty card, a correct checksum. */
  static byte[] file(byte[] description, byte[] model) {
    ByteBuffer b = ByteBuffer.allocate(28 + description.length + model.length);
    b.put("PLUMBMDL".getBytes(StandardCharsets.US_ASCII)).putInt(ModelFile.VERSION);
    b.putInt(description.length).put(description).putInt(model.length).put(model).putInt(0);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, b.position());
    b.putInt((int) crc.getValue());
    return b.array();
  }

  private static byte[] serialize(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  /** Every class named in a Java serialization stream, read without resolving any object. */
  private static Set<String> classesIn(byte[] stream) {
    Set<String> names = new TreeSet<>();
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stream))) {
      in.setObjectInputFilter(info -> {
        Class<?> c = info.serialClass();
        if (c != null) {
          while (c.isArray()) {
            c = c.getComponentType();
          }
          if (!c.isPrimitive()) {
            names.add(c.getName());
          }
        }
        return ObjectInputFilter.Status.UNDECIDED;
      });
      in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
    return names;
  }

  private static byte[] replace(byte[] in, String from, String to) {
    return replace(in, from.getBytes(StandardCharsets.US_ASCII),
        to.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] replace(byte[] in, byte[] from, byte[] to) {
    assertThat(to).hasSameSizeAs(from);
    byte[] out = in.clone();
    for (int i = 0; i + from.length <= out.length; i++) {
      if (Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, out, i, to.length);
        return out;
      }
    }
    throw new AssertionError("pattern not found");
  }
}

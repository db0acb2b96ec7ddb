package dev.plumb.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import dev.plumb.backend.BackendPlan;
import dev.plumb.data.BadInputException;
import dev.plumb.data.CsvOptions;
import dev.plumb.plan.HashFolds;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The plan's CSV as a cached DataFrame for data-parallel fits: every field read as text (so that
 * the row keys are those of the raw fields, as {@link HashFolds#rowKey} defines them), the
 * missing-value tokens turned to nulls, rows without a target dropped, and the columns {@code
 * _key} (row key), {@code _label} (class index as a double, or the target value) and {@code
 * _fold0..} (the hash fold of each repetition) added. Columns whose every present value is a
 * number become doubles; text columns with at most {@value #MAX_LEVELS} distinct values are
 * one-hot encoded; other columns (identifiers, free text) are not features. Immutable once made.
 */
final class PreparedFrame {
  /** Text columns with more distinct values than this are not used as features. */
  static final int MAX_LEVELS = 64;

  final Dataset<Row> frame;
  final Task task;
  final List<String> classNames;
  final List<String> numeric;
  final List<String> categorical;
  final long rows;
  final int repeats;

  private PreparedFrame(Dataset<Row> frame, Task task, List<String> classNames,
      List<String> numeric, List<String> categorical, long rows, int repeats) {
    this.frame = frame;
    this.task = task;
    this.classNames = List.copyOf(classNames);
    this.numeric = List.copyOf(numeric);
    this.categorical = List.copyOf(categorical);
    this.rows = rows;
    this.repeats = repeats;
  }

  static String foldColumn(int repeat) {
    return "_fold" + repeat;
  }

  static PreparedFrame of(SparkSession spark, BackendPlan plan) {
    Set<String> na = new HashSet<>(CsvOptions.DEFAULT_NA_TOKENS);
    Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "false")
        .option("mode", "FAILFAST").csv(plan.data());
    List<String> columns = List.of(raw.columns());
    if (!columns.contains(plan.target())) {
      throw new BadInputException("target column '" + plan.target() + "' not found; the columns"
          + " are: " + String.join(", ", columns.subList(0, Math.min(10, columns.size()))));
    }
    plan.keyColumn().ifPresent(k -> {
      if (!columns.contains(k)) {
        throw new BadInputException("key column '" + k + "' not found");
      }
    });
    // the key of the raw fields, before anything is cleaned
    List<String> keyed = plan.keyColumn().map(List::of).orElse(columns);
    UDF1<Row, Long> rowKey = r -> {
      String[] fields = new String[r.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = r.isNullAt(i) ? null : r.getString(i);
      }
      return HashFolds.rowKey(fields, na);
    };
    Column[] keyCols = keyed.stream().map(c -> col(quote(c))).toArray(Column[]::new);
    Dataset<Row> df = raw.withColumn("_key", udf(rowKey, DataTypes.LongType)
        .apply(struct(keyCols)));
    List<String> upperNa = na.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
    for (String c : columns) {
      Column t = trim(col(quote(c)));
      df = df.withColumn(c, when(t.isNull().or(upper(t).isin(upperNa.toArray())), lit(null))
          .otherwise(t));
    }
    df = df.filter(col(quote(plan.target())).isNotNull());

    // which columns are numbers, and how many distinct values the others have
    List<Column> aggs = new ArrayList<>();
    for (String c : columns) {
      aggs.add(count(col(quote(c))).alias("n_" + c));
      aggs.add(count(col(quote(c)).cast("double")).alias("d_" + c));
      aggs.add(approx_count_distinct(col(quote(c))).alias("u_" + c));
    }
    aggs.add(count(lit(1)).alias("_rows"));
    Row stats = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long rows = stats.getLong(stats.fieldIndex("_rows"));
    if (rows == 0) {
      throw new BadInputException("target '" + plan.target() + "' is missing in every row");
    }
    boolean targetNumeric = stats.getLong(stats.fieldIndex("n_" + plan.target()))
        == stats.getLong(stats.fieldIndex("d_" + plan.target()));
    Dataset<Row> labelled = df;
    Task task = plan.task().orElseGet(() -> detect(df0(labelled, plan.target()), targetNumeric));
    if (task == Task.REGRESSION && !targetNumeric) {
      throw new BadInputException("target '" + plan.target() + "' is not numeric, so it cannot"
          + " be a regression target");
    }
    List<String> numeric = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    for (String c : columns) {
      if (c.equals(plan.target()) || plan.keyColumn().map(c::equals).orElse(false)) {
        continue;
      }
      long n = stats.getLong(stats.fieldIndex("n_" + c));
      long d = stats.getLong(stats.fieldIndex("d_" + c));
      long u = stats.getLong(stats.fieldIndex("u_" + c));
      if (n > 0 && n == d) {
        numeric.add(c);
      } else if (n > 0 && u <= MAX_LEVELS) {
        categorical.add(c);
      }
    }
    if (numeric.isEmpty() && categorical.isEmpty()) {
      throw new BadInputException("no usable feature columns besides the target '"
          + plan.target() + "'");
    }

    List<String> classNames = List.of();
    if (task.isClassification()) {
      UDF1<String, String> canonical = HashFolds::classLabel;
      df = df.withColumn("_class", udf(canonical, DataTypes.StringType)
          .apply(col(quote(plan.target()))));
      TreeMap<String, Long> counts = new TreeMap<>();
      for (Row r : df.groupBy("_class").count().collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      classNames = sortedClasses(counts.keySet(), targetNumeric);
      if (classNames.size() < 2) {
        throw new BadInputException("target '" + plan.target() + "' has a single class");
      }
      List<String> names = classNames;
      UDF1<String, Double> index = s -> (double) names.indexOf(s);
      df = df.withColumn("_label", udf(index, DataTypes.DoubleType).apply(col("_class")));
      TreeMap<String, Integer> offsets = HashFolds.classOffsets(counts, plan.folds());
      int k = plan.folds();
      for (int r = 0; r < plan.repeats(); r++) {
        df = dealFolds(spark, df, plan.seed(), r, plan.folds(), offsets, counts);
      }
      task = classNames.size() == 2 ? Task.BINARY : Task.MULTICLASS;
    } else {
      df = df.withColumn("_label", col(quote(plan.target())).cast("double"));
      int k = plan.folds();
      for (int r = 0; r < plan.repeats(); r++) {
        long seed = plan.seed();
        int rep = r;
        UDF1<Long, Integer> fold = key -> HashFolds.regressionFold(seed, rep, key, k);
        df = df.withColumn(foldColumn(r), udf(fold, DataTypes.IntegerType).apply(col("_key")));
      }
    }
    for (String c : numeric) {
      df = df.withColumn(c, col(quote(c)).cast("double"));
    }
    List<Column> keep = new ArrayList<>();
    keep.add(col("_key"));
    keep.add(col("_label"));
    for (int r = 0; r < plan.repeats(); r++) {
      keep.add(col(foldColumn(r)));
    }
    numeric.forEach(c -> keep.add(col(quote(c))));
    categorical.forEach(c -> keep.add(col(quote(c))));
    Dataset<Row> cached = df.select(keep.toArray(Column[]::new))
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new PreparedFrame(cached, task, classNames, numeric, categorical, rows,
        plan.repeats());
  }

  /**
   * Adds the fold column of repetition {@code repeat} to classified rows, as {@link
   * HashFolds#hashKFold} deals them: each class's rows in (rank hash, key) order, dealt to the
   * folds in turn from the class's offset. The rank of a row within its class is its position in
   * one global sort by (class, rank hash, key) minus where its class starts. A sort spills to disk,
   * whereas a window partitioned by class would hold a whole class in one task's memory.
   */
  private static Dataset<Row> dealFolds(SparkSession spark, Dataset<Row> df, long seed,
      int repeat, int k, TreeMap<String, Integer> offsets, TreeMap<String, Long> counts) {
    UDF1<Long, Long> rank = key -> HashFolds.rankHash(seed, repeat, key);
    Dataset<Row> sorted = df.withColumn("_h", udf(rank, DataTypes.LongType).apply(col("_key")))
        .orderBy(col("_class"), col("_h"), col("_key")).drop("_h");
    // Spark orders strings by their UTF-8 bytes, which is the order of their code points
    List<String> inSparkOrder = new ArrayList<>(counts.keySet());
    inSparkOrder.sort(PreparedFrame::compareCodePoints);
    HashMap<String, Long> start = new HashMap<>();
    long at = 0;
    for (String c : inSparkOrder) {
      start.put(c, at);
      at += counts.get(c);
    }
    StructType schema = sorted.schema();
    int classField = schema.fieldIndex("_class");
    JavaRDD<Row> dealt = sorted.javaRDD().zipWithIndex().map(t -> {
      Row row = t._1();
      String cls = row.getString(classField);
      Object[] values = new Object[row.size() + 1];
      for (int i = 0; i < row.size(); i++) {
        values[i] = row.get(i);
      }
      values[row.size()] = HashFolds.classFold(offsets.get(cls), t._2() - start.get(cls), k);
      return RowFactory.create(values);
    });
    return spark.createDataFrame(dealt,
        schema.add(foldColumn(repeat), DataTypes.IntegerType, false));
  }

  /** Compares strings by code points, as UTF-8 bytes compare (not by UTF-16 units). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Releases the cached rows. */
  void release() {
    frame.unpersist();
  }

  /** Backticks for column names with dots or blanks. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private static Dataset<String> df0(Dataset<Row> df, String target) {
    return df.select(col(quote(target))).map((MapFunction<Row, String>) r -> r.getString(0),
        Encoders.STRING());
  }

  /** As {@link Task#detect}: text or few whole numbers are classes, other numbers regression. */
  private static Task detect(Dataset<String> target, boolean numeric) {
    if (!numeric) {
      return Task.MULTICLASS;
    }
    List<String> distinct = target.distinct().limit(Task.MAX_INTEGER_CLASSES + 1).collectAsList();
    boolean integers = distinct.stream().allMatch(s -> {
      double v = Double.parseDouble(s);
      return v == Math.rint(v);
    });
    return integers && distinct.size() <= Task.MAX_INTEGER_CLASSES ? Task.MULTICLASS
        : Task.REGRESSION;
  }

  /** Class names as the engine orders them: by value for numbers, else by text. */
  private static List<String> sortedClasses(Set<String> names, boolean numeric) {
    List<String> out = new ArrayList<>(names);
    out.sort(numeric ? Comparator.comparingDouble(Double::parseDouble)
        : Comparator.<String>naturalOrder());
    return out;
  }
}

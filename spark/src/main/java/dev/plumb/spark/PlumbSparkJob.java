package dev.plumb.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.CurveScore;
import dev.plumb.backend.LearnerScores;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point: {@code PlumbSparkJob PLAN.json [SCORES.json]} runs the
 * plan (a file, or the JSON text itself) in the session {@code spark-submit} set up, and writes
 * the per-fold and per-size scores as JSON to SCORES.json, or to standard output. Exit code 2
 * with one line on standard error for a bad plan or bad data.
 */
public final class PlumbSparkJob {
  private PlumbSparkJob() {}

  /** Runs the job. */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: spark-submit --class dev.plumb.spark.PlumbSparkJob"
          + " plumb-spark-job.jar PLAN.json [SCORES.json]");
      System.exit(2);
    }
    try {
      String text = args[0].strip().startsWith("{") ? args[0]
          : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
      BackendPlan plan = BackendPlan.fromJson(text);
      SparkSession spark = Sessions.obtain(Optional.empty());
      BackendScores scores = SparkBackend.run(spark, plan);
      String json = toJson(scores);
      if (args.length == 2) {
        Files.writeString(Path.of(args[1]), json, StandardCharsets.UTF_8);
      } else {
        PrintStream out = System.out;
        out.println(json);
      }
    } catch (BadInputException e) {
      System.err.println("plumb-spark: " + e.getMessage());
      System.exit(2);
    }
  }

  /** The scores as JSON: backend, mode, task, rows, and per learner its folds and curve. */
  static String toJson(BackendScores s) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("schema", "plumb-backend/1");
    o.put("backend", s.backend());
    o.put("mode", s.mode().label());
    o.put("task", s.task().label());
    o.put("rows", s.rows());
    ArrayNode learners = o.putArray("learners");
    for (LearnerScores l : s.learners()) {
      ObjectNode n = learners.addObject();
      n.put("spec", l.spec());
      n.put("status", l.ok() ? "ok" : "failed");
      if (l.error().isPresent()) {
        n.put("error", l.error().get());
      } else {
        n.putNull("error");
      }
      ArrayNode folds = n.putArray("folds");
      for (FoldScore f : l.folds()) {
        ObjectNode fo = folds.addObject();
        fo.put("repeat", f.repeat());
        fo.put("fold", f.fold());
        metrics(fo.putObject("validation"), f.validation());
        metrics(fo.putObject("train"), f.train());
        fo.put("fit_seconds", f.fitSeconds());
      }
      ArrayNode curve = n.putArray("learning_curve");
      for (CurveScore c : l.curve()) {
        ObjectNode co = curve.addObject();
        co.put("fraction", c.fraction());
        co.put("repeat", c.repeat());
        co.put("fold", c.fold());
        co.put("train_size", c.trainRows());
        metrics(co.putObject("train"), c.train());
        metrics(co.putObject("validation"), c.validation());
        co.put("fit_seconds", c.fitSeconds());
      }
    }
    try {
      return mapper.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void metrics(ObjectNode into, Map<Metric, Double> m) {
    m.forEach((k, v) -> into.put(k.label(), v));
  }
}

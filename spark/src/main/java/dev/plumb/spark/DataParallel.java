package dev.plumb.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.udf;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.LearnerScores;
import dev.plumb.evaluate.CrossValidation;
import dev.plumb.evaluate.FoldScore;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.plan.HashFolds;
import dev.plumb.plan.Seeds;
import dev.plumb.plan.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Data-parallel mode: per hash fold, the preprocessing (mean imputation, one-hot encoding,
 * assembly) is fitted on the training rows, MLlib estimators are fitted on the cached assembled
 * training rows, the dummies are aggregations, and every metric is a distributed aggregate; only
 * models, counts and scores reach the driver. Learners MLlib lacks are reported with the reason.
 * Training scores are taken on a hash sample of about {@value CrossValidation#MAX_TRAIN_SCORING_ROWS}
 * training rows. Learning curves are not run in this mode (use task mode). Stateless.
 */
final class DataParallel {
  private DataParallel() {}

  static BackendScores run(SparkSession spark, BackendPlan plan) {
    PreparedFrame pf = PreparedFrame.of(spark, plan);
    try {
      Task task = pf.task;
      List<Metric> metrics = plan.metricsFor(task);
      List<String> specs = plan.learners().isEmpty() ? LearnerCatalog.names(task)
          : plan.learners();
      List<MllibLearners.Plan> learners = specs.stream()
          .map(s -> MllibLearners.of(s, task, plan.seed())).toList();
      int nl = learners.size();
      String[] errors = new String[nl];
      List<List<FoldScore>> scores = new ArrayList<>();
      for (int l = 0; l < nl; l++) {
        scores.add(new ArrayList<>());
        if (learners.get(l) instanceof MllibLearners.Unsupported u) {
          errors[l] = "unsupported in data-parallel mode: " + u.reason();
        }
      }
      if (!plan.fractions().isEmpty()) {
        for (int l = 0; l < nl; l++) {
          if (errors[l] == null) {
            errors[l] = "learning curves are run in task-parallel mode only (--mode task)";
          }
        }
      }
      for (int r = 0; r < plan.repeats(); r++) {
        for (int f = 0; f < plan.folds(); f++) {
          if (Arrays.stream(errors).allMatch(Objects::nonNull)) {
            break; // every learner has failed: no fold is left to score
          }
          runFold(pf, plan, metrics, learners, errors, scores, r, f);
        }
      }
      List<LearnerScores> out = new ArrayList<>();
      for (int l = 0; l < nl; l++) {
        out.add(new LearnerScores(label(learners.get(l)), Optional.ofNullable(errors[l]),
            errors[l] == null ? scores.get(l) : List.of(), List.of()));
      }
      return new BackendScores("spark", BackendMode.DATA_PARALLEL, task, pf.rows, out);
    } finally {
      pf.release();
    }
  }

  private static void runFold(PreparedFrame pf, BackendPlan plan, List<Metric> metrics,
      List<MllibLearners.Plan> learners, String[] errors, List<List<FoldScore>> scores, int r,
      int f) {
    String foldCol = PreparedFrame.foldColumn(r);
    Dataset<Row> train = pf.frame.filter(col(foldCol).notEqual(f));
    Dataset<Row> val = pf.frame.filter(col(foldCol).equalTo(f));
    PipelineModel prep = preprocessing(pf).fit(train);
    Dataset<Row> tx = prep.transform(train).select("_key", "_label", "_features")
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> vx = prep.transform(val).select("_key", "_label", "_features")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long nTrain = tx.count();
      long nVal = vx.count();
      double keep = Math.min(1.0, CrossValidation.MAX_TRAIN_SCORING_ROWS / (double) nTrain);
      long seed = plan.seed();
      UDF1<Long, Double> u = key -> (HashFolds.subsetHash(seed, r, f, key) >>> 11) * 0x1.0p-53;
      Dataset<Row> scoring = keep >= 1 ? tx
          : tx.filter(udf(u, DataTypes.DoubleType).apply(col("_key")).lt(keep));
      int k = pf.classNames.size();
      double[] shares = null;
      if (pf.task.isClassification()) {
        shares = new double[k];
        for (Row row : tx.groupBy("_label").count().collectAsList()) {
          shares[(int) row.getDouble(0)] = row.getLong(1);
        }
        for (int c = 0; c < k; c++) {
          shares[c] /= nTrain;
        }
      }
      SparkContext sc = pf.frame.sparkSession().sparkContext();
      for (int l = 0; l < learners.size(); l++) {
        if (errors[l] != null) {
          continue;
        }
        MllibLearners.Plan lp = learners.get(l);
        try (Deadline deadline = Deadline.start(sc, plan.timeLimit(),
            "plumb " + label(lp) + ", fold " + (f + 1))) {
          try {
            long t0 = System.nanoTime();
            Predictions model = fit(lp, tx, shares, seed, r, f);
            long t1 = System.nanoTime();
            Map<Metric, Double> v = score(model, vx, pf, metrics);
            long t2 = System.nanoTime();
            Map<Metric, Double> t = score(model, scoring, pf, metrics);
            if (deadline.missed()) {
              errors[l] = CrossValidation.outOfTime(plan.timeLimit().orElseThrow(), f);
            } else {
              scores.get(l).add(new FoldScore(r, f, v, t, (t1 - t0) / 1e9,
                  (t2 - t1) / 1e9 / Math.max(1, nVal) * 1000, Optional.empty()));
            }
          } catch (Exception e) { // a cancelled job throws SparkException, a checked exception
            errors[l] = deadline.missed()
                ? CrossValidation.outOfTime(plan.timeLimit().orElseThrow(), f)
                : e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage().lines().findFirst().orElse("")) + " (fold "
                    + (f + 1) + ")";
          }
        }
      }
    } finally {
      tx.unpersist();
      vx.unpersist();
    }
  }

  private static Pipeline preprocessing(PreparedFrame pf) {
    List<PipelineStage> stages = new ArrayList<>();
    List<String> assembled = new ArrayList<>();
    if (!pf.numeric.isEmpty()) {
      String[] in = pf.numeric.toArray(String[]::new);
      String[] out = pf.numeric.stream().map(c -> c + "_imp").toArray(String[]::new);
      stages.add(new Imputer().setInputCols(in).setOutputCols(out).setStrategy("mean"));
      assembled.addAll(List.of(out));
    }
    if (!pf.categorical.isEmpty()) {
      String[] in = pf.categorical.toArray(String[]::new);
      String[] idx = pf.categorical.stream().map(c -> c + "_idx").toArray(String[]::new);
      String[] ohe = pf.categorical.stream().map(c -> c + "_ohe").toArray(String[]::new);
      stages.add(new StringIndexer().setInputCols(in).setOutputCols(idx)
          .setHandleInvalid("keep"));
      stages.add(new OneHotEncoder().setInputCols(idx).setOutputCols(ohe)
          .setHandleInvalid("keep"));
      assembled.addAll(List.of(ohe));
    }
    stages.add(new VectorAssembler().setInputCols(assembled.toArray(String[]::new))
        .setOutputCol("_features").setHandleInvalid("keep"));
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }

  /** A fitted model: MLlib's, or a dummy's column expressions. */
  private static Predictions fit(MllibLearners.Plan lp, Dataset<Row> tx,
      double[] shares, long seed, int r, int f) {
    if (lp instanceof MllibLearners.Mllib m) {
      org.apache.spark.ml.Model<?> model = m.estimator().fit(tx);
      return model::transform;
    }
    MllibLearners.Dummy d = (MllibLearners.Dummy) lp;
    return switch (d.name()) {
      case "mean" -> DummyModel.constant(tx.agg(expr("avg(_label)")).first().getDouble(0));
      case "median" -> DummyModel.constant(
          tx.agg(expr("percentile(_label, 0.5)")).first().getDouble(0));
      case "majority" -> DummyModel.shares(shares);
      default -> DummyModel.draws(d.name(), shares,
          Seeds.derive(seed, Seeds.of(d.name()), r, f));
    };
  }

  private static Map<Metric, Double> score(Predictions model, Dataset<Row> rows,
      PreparedFrame pf, List<Metric> metrics) {
    Dataset<Row> p = model.apply(rows);
    if (pf.task.isClassification()) {
      int k = pf.classNames.size();
      if (!(model instanceof DummyModel)) {
        UDF1<org.apache.spark.ml.linalg.Vector, double[]> pad = vec -> {
          double[] out = new double[k];
          for (int c = 0; c < Math.min(k, vec.size()); c++) {
            out[c] = vec.apply(c);
          }
          return out;
        };
        p = p.withColumn("_proba", udf(pad, DataTypes.createArrayType(DataTypes.DoubleType))
            .apply(col("probability")));
      }
      return DistributedMetrics.classification(p.select("_proba", "_label"), k, metrics);
    }
    if (!(model instanceof DummyModel)) {
      p = p.withColumn("_prediction", col("prediction"));
    }
    return DistributedMetrics.regression(p.select("_prediction", "_label"), metrics);
  }

  private static String label(MllibLearners.Plan p) {
    if (p instanceof MllibLearners.Mllib m) {
      return m.spec();
    }
    if (p instanceof MllibLearners.Dummy d) {
      return d.spec();
    }
    return ((MllibLearners.Unsupported) p).spec();
  }
}

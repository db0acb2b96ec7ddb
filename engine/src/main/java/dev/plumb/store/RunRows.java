package dev.plumb.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Maps a {@link RunRecord} to the rows of {@code runs}, {@code run_learners}, {@code run_metrics}
 * and {@code run_notes}, and back. The caller owns the transaction. Stateless.
 */
final class RunRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunRows() {}

  /**
   * Inserts the run and all its rows; returns its id.
   *
   * @param key unique per recording, so that a retry can tell whether an earlier attempt's
   *     commit went through
   */
  static long insert(Connection c, String key, RunRecord run) throws SQLException {
    long id;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (record_key, command,"
        + " arguments_json,"
        + " started_at, ended_at, exit_code, dataset_path, dataset_version, content_sha256,"
        + " bytes_sha256, schema_sha256, dataset_rows, dataset_columns, target, task, seed,"
        + " split_strategy, split_folds, split_repeats, split_test_train_ratio, plumb_version,"
        + " java_version, libraries_json, best_learner, best_metric, best_score, learner_count,"
        + " note_count, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      int i = 1;
      p.setString(i++, key);
      p.setString(i++, run.command());
      p.setString(i++, json(run.arguments()));
      p.setString(i++, run.startedAt().toString());
      p.setString(i++, run.endedAt().toString());
      p.setInt(i++, run.exitCode());
      Optional<RunRecord.DatasetRef> d = run.dataset();
      p.setString(i++, d.map(RunRecord.DatasetRef::path).orElse(null));
      p.setString(i++, d.map(RunRecord.DatasetRef::versionId).orElse(null));
      p.setString(i++, d.map(RunRecord.DatasetRef::contentSha256).orElse(null));
      p.setString(i++, d.map(RunRecord.DatasetRef::bytesSha256).orElse(null));
      p.setString(i++, d.map(RunRecord.DatasetRef::schemaSha256).orElse(null));
      setLong(p, i++, d.map(x -> OptionalLong.of(x.rows())).orElse(OptionalLong.empty()));
      setLong(p, i++, d.map(x -> OptionalLong.of(x.columns())).orElse(OptionalLong.empty()));
      p.setString(i++, run.target().orElse(null));
      p.setString(i++, run.task().orElse(null));
      setLong(p, i++, run.seed());
      Optional<RunRecord.Split> s = run.split();
      p.setString(i++, s.map(RunRecord.Split::strategy).orElse(null));
      setLong(p, i++, s.map(x -> OptionalLong.of(x.folds())).orElse(OptionalLong.empty()));
      setLong(p, i++, s.map(x -> OptionalLong.of(x.repeats())).orElse(OptionalLong.empty()));
      setDouble(p, i++, s.map(x -> OptionalDouble.of(x.testTrainRatio()))
          .orElse(OptionalDouble.empty()));
      p.setString(i++, run.software().plumbVersion());
      p.setString(i++, run.software().javaVersion());
      p.setString(i++, json(run.software().libraries()));
      p.setString(i++, run.best().map(RunRecord.Best::learner).orElse(null));
      p.setString(i++, run.best().map(RunRecord.Best::metric).orElse(null));
      setDouble(p, i++, run.best().map(b -> OptionalDouble.of(b.score()))
          .orElse(OptionalDouble.empty()));
      p.setInt(i++, run.learners().size());
      p.setInt(i++, run.notes().size());
      p.setString(i, run.reportJson());
      try (ResultSet r = p.executeQuery()) {
        r.next();
        id = r.getLong(1);
      }
    }
    insertLearners(c, id, run.learners());
    insertNotes(c, id, run.notes());
    return id;
  }

  private static void insertLearners(Connection c, long id, List<RunRecord.LearnerRun> learners)
      throws SQLException {
    try (PreparedStatement pl = c.prepareStatement("INSERT INTO run_learners (run_id, position,"
        + " learner, error, fit_seconds, predict_seconds_per_1000) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement pm = c.prepareStatement("INSERT INTO run_metrics (run_id,"
            + " learner_position, position, metric, mean, std, ci_low, ci_high, folds_json)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < learners.size(); i++) {
        RunRecord.LearnerRun l = learners.get(i);
        pl.setLong(1, id);
        pl.setInt(2, i);
        pl.setString(3, l.learner());
        pl.setString(4, l.error().orElse(null));
        setDouble(pl, 5, l.fitSeconds());
        setDouble(pl, 6, l.predictSecondsPer1000());
        pl.executeUpdate();
        for (int j = 0; j < l.metrics().size(); j++) {
          RunRecord.MetricScore m = l.metrics().get(j);
          pm.setLong(1, id);
          pm.setInt(2, i);
          pm.setInt(3, j);
          pm.setString(4, m.metric());
          pm.setDouble(5, m.mean());
          pm.setDouble(6, m.std());
          setDouble(pm, 7, m.ciLow());
          setDouble(pm, 8, m.ciHigh());
          pm.setString(9, folds(m.folds()));
          pm.executeUpdate();
        }
      }
    }
  }

  private static void insertNotes(Connection c, long id, List<RunRecord.Note> notes)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO run_notes (run_id, position,"
        + " learner, kind, value, number_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < notes.size(); i++) {
        RunRecord.Note n = notes.get(i);
        p.setLong(1, id);
        p.setInt(2, i);
        p.setString(3, n.learner().orElse(null));
        p.setString(4, n.kind());
        p.setString(5, n.value());
        setDouble(p, 6, n.number());
        p.setString(7, n.detail().orElse(null));
        p.executeUpdate();
      }
    }
  }

  /** The id of the run recorded with this key, if its commit went through. */
  static Optional<Long> idOfKey(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM runs WHERE record_key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
      }
    }
  }

  /** The run with this id, if there is one. */
  static Optional<RunRecord> find(Connection c, long id) throws SQLException {
    RunRecord.Builder b = RunRecord.builder();
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        b.command(r.getString("command"))
            .arguments(JSON.readValue(r.getString("arguments_json"), STRINGS))
            .times(Instant.parse(r.getString("started_at")), Instant.parse(r.getString("ended_at")))
            .exitCode(r.getInt("exit_code"))
            .software(new RunRecord.Software(r.getString("plumb_version"),
                r.getString("java_version"), JSON.readValue(r.getString("libraries_json"), MAP)))
            .reportJson(r.getString("report_json"));
        if (r.getString("dataset_path") != null) {
          b.dataset(new RunRecord.DatasetRef(r.getString("dataset_path"),
              r.getString("dataset_version"), r.getString("content_sha256"),
              r.getString("bytes_sha256"), r.getString("schema_sha256"), r.getLong("dataset_rows"),
              r.getInt("dataset_columns")));
        }
        b.target(r.getString("target")).task(r.getString("task"));
        long seed = r.getLong("seed");
        if (!r.wasNull()) {
          b.seed(seed);
        }
        if (r.getString("split_strategy") != null) {
          b.split(new RunRecord.Split(r.getString("split_strategy"), r.getInt("split_folds"),
              r.getInt("split_repeats"), r.getDouble("split_test_train_ratio")));
        }
        if (r.getString("best_learner") != null) {
          b.best(new RunRecord.Best(r.getString("best_learner"), r.getString("best_metric"),
              r.getDouble("best_score")));
        }
      } catch (JsonProcessingException e) {
        throw new SQLException("run " + id + " holds malformed JSON: " + e.getOriginalMessage(), e);
      }
    }
    readLearners(c, id).forEach(b::learner);
    readNotes(c, id).forEach(b::note);
    return Optional.of(b.build());
  }

  private static List<RunRecord.LearnerRun> readLearners(Connection c, long id)
      throws SQLException {
    Map<Integer, List<RunRecord.MetricScore>> metrics = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT learner_position, metric, mean, std,"
        + " ci_low, ci_high, folds_json FROM run_metrics WHERE run_id = ?"
        + " ORDER BY learner_position, position")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          metrics.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(
              new RunRecord.MetricScore(r.getString(2), r.getDouble(3), r.getDouble(4),
                  optionalDouble(r, 5), optionalDouble(r, 6), folds(r.getString(7))));
        }
      }
    }
    List<RunRecord.LearnerRun> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT position, learner, error, fit_seconds,"
        + " predict_seconds_per_1000 FROM run_learners WHERE run_id = ? ORDER BY position")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new RunRecord.LearnerRun(r.getString(2), Optional.ofNullable(r.getString(3)),
              optionalDouble(r, 4), optionalDouble(r, 5),
              metrics.getOrDefault(r.getInt(1), List.of())));
        }
      }
    }
    return out;
  }

  private static List<RunRecord.Note> readNotes(Connection c, long id) throws SQLException {
    List<RunRecord.Note> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT learner, kind, value, number_value,"
        + " detail FROM run_notes WHERE run_id = ? ORDER BY position")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new RunRecord.Note(Optional.ofNullable(r.getString(1)), r.getString(2),
              r.getString(3), optionalDouble(r, 4), Optional.ofNullable(r.getString(5))));
        }
      }
    }
    return out;
  }

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  /** Fold scores as a JSON array; an undefined (NaN) score is null. */
  static String folds(double[] folds) {
    ArrayNode a = JSON.createArrayNode();
    for (double f : folds) {
      if (Double.isFinite(f)) {
        a.add(f);
      } else {
        a.addNull();
      }
    }
    return a.toString();
  }

  static double[] folds(String json) throws SQLException {
    try {
      JsonNode a = JSON.readTree(json);
      double[] out = new double[a.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = a.get(i).isNumber() ? a.get(i).asDouble() : Double.NaN;
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new SQLException("malformed fold scores: " + e.getOriginalMessage(), e);
    }
  }

  private static OptionalDouble optionalDouble(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static void setDouble(PreparedStatement p, int i, OptionalDouble v)
      throws SQLException {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      p.setDouble(i, v.getAsDouble());
    } else {
      p.setNull(i, Types.DOUBLE);
    }
  }

  private static void setLong(PreparedStatement p, int i, OptionalLong v) throws SQLException {
    if (v.isPresent()) {
      p.setLong(i, v.getAsLong());
    } else {
      p.setNull(i, Types.BIGINT);
    }
  }
}

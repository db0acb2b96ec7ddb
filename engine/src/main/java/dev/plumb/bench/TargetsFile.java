package dev.plumb.bench;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.plumb.data.BadInputException;
import dev.plumb.evaluate.Metric;
import dev.plumb.learn.LearnerCatalog;
import dev.plumb.learn.LearnerSpec;
import dev.plumb.plan.Task;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a targets file: YAML written by hand, every key optional (documented in the README, example
 * in {@code datasets/targets.example.yaml}):
 *
 * <pre>
 * metric: balanced_accuracy        # a canonical metric name; else the command's primary metric
 * min_score: 0.80                  # for a greater-is-better metric; max_score for lower-is-better
 * max_latency_p50_ms: 0.5          # one row at a time, after warm-up
 * max_latency_p99_ms: 2.0
 * min_throughput_rows_per_s: 10000 # batch prediction
 * max_model_bytes: 5000000         # serialized size
 * max_train_seconds: 60            # on the full data
 * max_train_memory_bytes: 2000000000
 * candidates:                      # learner specs, as on the command line
 *   - "smile:gradient_boosting(trees=500,shrinkage=0.05)"
 *   - tribuo:logistic
 * </pre>
 *
 * <p>An empty file (or one with only comments) sets no targets. Anything else that is not as above
 * is refused with a {@link BadInputException} whose one line names the file, the line and column,
 * the key, and what is allowed: invalid YAML, a top level that is not a mapping, an unknown or
 * repeated key, a value of the wrong type (a quoted number is text, not a number), a bound that is
 * not finite or not positive, a byte count that is not a whole number, an unknown metric, a score
 * key that does not fit the metric's direction or a limit outside its range, and a candidate that
 * is not a learner spec or is listed twice. Stateless and thread-safe.
 */
public final class TargetsFile {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final String METRIC = "metric";
  private static final String CANDIDATES = "candidates";
  private static final List<String> KEYS = Stream.concat(
      Stream.concat(Stream.of(METRIC), TargetKind.keys().stream()), Stream.of(CANDIDATES))
      .toList();

  private TargetsFile() {}

  /**
   * Reads and checks a targets file on its own. The score key is checked against the metric only
   * when the file names one; check it against the command's metric with {@link
   * Targets#requireScoreFits(Metric)}, or read with {@link #read(Path, Task, Metric)}.
   *
   * @throws BadInputException naming the file, line, column and key, and what is allowed
   */
  public static Targets read(Path file) {
    return read(file, Optional.empty(), Optional.empty());
  }

  /**
   * Reads a targets file and checks it against the command's task and primary metric as well: the
   * metric must apply to the task, the score key must fit the metric the targets will be judged on
   * (the file's, else {@code primary}), and every candidate must name a learner for the task.
   *
   * @throws BadInputException naming the file, line, column and key, and what is allowed
   */
  public static Targets read(Path file, Task task, Metric primary) {
    return read(file, Optional.of(task), Optional.of(primary));
  }

  private static Targets read(Path file, Optional<Task> task, Optional<Metric> primary) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such targets file; see"
          + " datasets/targets.example.yaml for one to copy");
    }
    Map<String, Value> fields = parse(file);
    Optional<Metric> metric = metric(file, fields.get(METRIC), task);
    Optional<Metric> judgedOn = metric.or(() -> primary);
    Targets targets = Targets.none();
    if (metric.isPresent()) {
      targets = targets.withMetric(metric.get());
    }
    Value firstScore = null;
    for (TargetKind kind : TargetKind.values()) {
      Value v = fields.get(kind.key());
      if (v == null) {
        continue;
      }
      double limit = limit(file, kind, v);
      if (kind.isScore()) {
        if (firstScore != null) {
          throw bad(file, v.keyAt, kind.key(), "give min_score or max_score, not both ("
              + firstScore.key + " is on line " + firstScore.keyAt.getLineNr() + ")");
        }
        firstScore = v;
      }
      Optional<String> problem = Targets.problem(kind, limit, judgedOn);
      if (problem.isPresent()) {
        throw bad(file, kind.isScore() ? v.keyAt : v.at, kind.key(), problem.get()
            + (kind.isScore() && metric.isEmpty() ? " (the file names no metric, so the"
                + " command's metric is used; add 'metric: NAME' to choose another)" : ""));
      }
      targets = targets.with(kind, limit);
    }
    Value c = fields.get(CANDIDATES);
    return c == null ? targets : targets.withCandidates(candidates(file, c, task));
  }

  /** One value of the file, with where it was found. */
  private record Value(
      String key, JsonLocation keyAt, JsonLocation at, JsonToken token, String text, Number number,
      List<Value> items) {}

  private static Map<String, Value> parse(Path file) {
    Map<String, Value> fields = new LinkedHashMap<>();
    String key = null;
    try (JsonParser p = YAML.createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL && p.nextToken() == null) {
        t = null; // a document marker and nothing else
      }
      if (t == null) {
        return fields;
      }
      if (t != JsonToken.START_OBJECT) {
        throw bad(file, p.currentTokenLocation(), null, "a targets file is a mapping of keys to"
            + " values, such as 'max_latency_p99_ms: 2.0', not " + describe(t, p.getText())
            + "; known keys: " + String.join(", ", KEYS));
      }
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        key = p.currentName();
        JsonLocation keyAt = p.currentTokenLocation();
        if (!KEYS.contains(key)) {
          throw bad(file, keyAt, null, "unknown key '" + key + "'" + suggestion(key)
              + "; known keys: " + String.join(", ", KEYS));
        }
        if (fields.containsKey(key)) {
          throw bad(file, keyAt, key, "given twice (first on line "
              + fields.get(key).keyAt.getLineNr() + "); keep one");
        }
        p.nextToken();
        fields.put(key, value(p, key, keyAt));
        key = null;
      }
      if (p.nextToken() != null) {
        throw bad(file, p.currentTokenLocation(), null, "a second YAML document; a targets file"
            + " holds one (remove the '---' line)");
      }
    } catch (JsonProcessingException ex) {
      String problem = problem(ex.getOriginalMessage());
      if (key != null && problem.startsWith("Malformed numeric value")) {
        // SnakeYAML reads .nan and .inf as numbers that Jackson then refuses
        throw bad(file, ex.getLocation(), key, "must be a finite number, found "
            + problem.substring("Malformed numeric value".length()).strip(), ex);
      }
      throw bad(file, ex.getLocation(), null, "not valid YAML" + (key == null ? "" : " in '"
          + key + "'") + ": " + problem, ex);
    } catch (IOException ex) {
      throw new BadInputException(file + ": cannot read (" + ex.getMessage() + ")", ex);
    }
    return fields;
  }

  private static Value value(JsonParser p, String key, JsonLocation keyAt) throws IOException {
    JsonToken t = p.currentToken();
    JsonLocation at = p.currentTokenLocation();
    if (t == JsonToken.START_ARRAY) {
      List<Value> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(p, key, keyAt));
      }
      return new Value(key, keyAt, at, t, "a list", null, items);
    }
    if (t == JsonToken.START_OBJECT) {
      p.skipChildren();
      return new Value(key, keyAt, at, t, "a mapping", null, List.of());
    }
    Number n = t.isNumeric() ? p.getNumberValue() : null;
    return new Value(key, keyAt, at, t, p.getText(), n, List.of());
  }

  private static Optional<Metric> metric(Path file, Value v, Optional<Task> task) {
    if (v == null) {
      return Optional.empty();
    }
    String known = task.isPresent() ? labels(Metric.forTask(task.get()))
        : labels(Metric.forTask(Task.BINARY)) + " for classification, or "
            + labels(Metric.forTask(Task.REGRESSION)) + " for regression";
    if (v.token != JsonToken.VALUE_STRING) {
      throw bad(file, v.at, METRIC, "must be a metric name, not " + describe(v.token, v.text)
          + "; one of " + known);
    }
    Optional<Metric> m = Arrays.stream(Metric.values())
        .filter(x -> x.label().equalsIgnoreCase(v.text.strip())).findFirst();
    if (m.isEmpty()) {
      throw bad(file, v.at, METRIC, "unknown metric '" + v.text + "'; one of " + known);
    }
    if (task.isPresent() && !m.get().appliesTo(task.get())) {
      throw bad(file, v.at, METRIC, m.get().label() + " does not apply to a "
          + task.get().label() + " target; one of " + known);
    }
    return m;
  }

  private static double limit(Path file, TargetKind kind, Value v) {
    String unit = kind.isScore() ? "score" : kind.isWholeNumber() ? "whole number of bytes"
        : "number of " + unitName(kind);
    if (!v.token.isNumeric()) {
      throw bad(file, v.at, kind.key(), "must be a " + unit + ", such as " + example(kind)
          + ", not " + describe(v.token, v.text));
    }
    if (v.number instanceof BigInteger) {
      throw bad(file, v.at, kind.key(), "is too large, found " + v.text);
    }
    double limit = v.number.doubleValue();
    if (kind.isWholeNumber() && (limit != Math.rint(limit) || Math.abs(limit) >= 0x1p63)) {
      throw bad(file, v.at, kind.key(), "must be a " + unit + ", such as " + example(kind)
          + ", found " + v.text);
    }
    return limit;
  }

  private static List<LearnerSpec> candidates(Path file, Value v, Optional<Task> task) {
    String form = "a learner spec such as tribuo:logistic or"
        + " \"smile:gradient_boosting(trees=500,shrinkage=0.05)\"";
    if (v.token != JsonToken.START_ARRAY) {
      throw bad(file, v.at, CANDIDATES, "must be a list with one learner spec per line, each"
          + " starting with '- ', not " + describe(v.token, v.text));
    }
    if (v.items.isEmpty()) {
      throw bad(file, v.at, CANDIDATES, "is an empty list; list at least one learner spec, or"
          + " remove the key to use the command's learners");
    }
    List<LearnerSpec> out = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (Value item : v.items) {
      if (item.token != JsonToken.VALUE_STRING) {
        throw bad(file, item.at, CANDIDATES, "each item must be " + form + ", not "
            + describe(item.token, item.text));
      }
      LearnerSpec spec;
      String text;
      try {
        spec = LearnerSpec.parse(item.text);
        text = task.isPresent() ? LearnerCatalog.resolve(spec, task.get()).spec().text()
            : spec.text();
      } catch (BadInputException ex) {
        boolean unbalanced = item.text.chars().filter(ch -> ch == '(').count()
            != item.text.chars().filter(ch -> ch == ')').count();
        throw bad(file, item.at, CANDIDATES, ex.getMessage() + (unbalanced ? "; in a [a, b] list"
            + " YAML splits a spec at its commas: quote the spec, or write one '- spec' per line"
            : ""), ex);
      }
      Integer first = lines.putIfAbsent(text, item.at.getLineNr());
      if (first != null) {
        throw bad(file, item.at, CANDIDATES, "'" + item.text + "' is listed twice (first on line "
            + first + ")");
      }
      out.add(spec);
    }
    return out;
  }

  private static String describe(JsonToken t, String text) {
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a mapping";
      case VALUE_NULL -> "an empty value";
      case VALUE_TRUE, VALUE_FALSE -> "the boolean '" + text + "'";
      case VALUE_STRING -> "the text '" + text + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
      default -> "'" + text + "'";
    };
  }

  private static String unitName(TargetKind kind) {
    return switch (kind.unit()) {
      case "ms" -> "milliseconds";
      case "s" -> "seconds";
      case "rows/s" -> "rows per second";
      default -> kind.unit();
    };
  }

  private static String example(TargetKind kind) {
    return switch (kind) {
      case MIN_SCORE -> "0.8";
      case MAX_SCORE -> "0.25";
      case MAX_LATENCY_P50_MS -> "0.5";
      case MAX_LATENCY_P99_MS -> "2.0";
      case MIN_THROUGHPUT_ROWS_PER_S -> "10000";
      case MAX_MODEL_BYTES -> "5000000";
      case MAX_TRAIN_SECONDS -> "60";
      case MAX_TRAIN_MEMORY_BYTES -> "2000000000";
    };
  }

  private static String labels(List<Metric> metrics) {
    return metrics.stream().map(Metric::label).collect(Collectors.joining(", "));
  }

  /** The closest known key, when the unknown one looks like a typo of it. */
  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : KEYS) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, key.length() / 4) ? " (did you mean '" + best + "'?)" : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }

  /**
   * The parser's complaint on one line: SnakeYAML's messages add lines that point into the file
   * ({@code in 'reader', line 3...}) and quote it, which the location already says.
   */
  private static String problem(String message) {
    if (message == null) {
      return "unreadable";
    }
    return Arrays.stream(message.split("\\R"))
        .filter(l -> !l.isBlank() && !l.startsWith(" in ") && !l.startsWith("    "))
        .map(String::strip).collect(Collectors.joining("; "));
  }

  private static BadInputException bad(Path file, JsonLocation at, String key, String problem) {
    return bad(file, at, key, problem, null);
  }

  private static BadInputException bad(Path file, JsonLocation at, String key, String problem,
      Throwable cause) {
    StringBuilder sb = new StringBuilder().append(file).append(": ");
    if (at != null && at.getLineNr() > 0) {
      sb.append("line ").append(at.getLineNr());
      if (at.getColumnNr() > 0) {
        sb.append(", column ").append(at.getColumnNr());
      }
      sb.append(": ");
    }
    if (key != null) {
      sb.append(key).append(": ");
    }
    sb.append(problem);
    return cause == null ? new BadInputException(sb.toString())
        : new BadInputException(sb.toString(), cause);
  }
}

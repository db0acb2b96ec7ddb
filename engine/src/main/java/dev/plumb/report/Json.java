package dev.plumb.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumb.data.DatasetVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The pieces every JSON output shares: the {@code plumb/1} envelope, the {@code dataset} block and
 * the provenance. Keys are snake_case and stable; see the README. Stateless.
 */
public final class Json {
  /** The version of the JSON output format. */
  public static final String SCHEMA = "plumb/1";

  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** A new object with {@code schema} and {@code command}. */
  public static ObjectNode envelope(String command) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("command", command);
    return root;
  }

  /** The {@code dataset} block. */
  public static ObjectNode dataset(Path path, DatasetVersion v) {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("path", path.toString());
    d.put("rows", v.rows());
    d.put("columns", v.columns());
    d.put("version", v.id());
    d.put("content_sha256", v.contentSha256());
    d.put("bytes_sha256", v.bytesSha256());
    d.put("schema_sha256", v.schemaSha256());
    return d;
  }

  /** The {@code provenance} block. */
  public static ObjectNode provenance(Provenance p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("plumb", p.plumbVersion());
    ObjectNode libs = o.putObject("libraries");
    p.libraries().forEach(libs::put);
    o.put("created_at", p.createdAt().toString());
    return o;
  }

  /** Puts a number, or null when it is not finite (JSON has no NaN). */
  static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  /** Converts plain values (numbers, strings, booleans, collections, maps) to JSON. */
  static JsonNode value(Object v) {
    if (v instanceof Double d && !Double.isFinite(d)) {
      return MAPPER.nullNode();
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = MAPPER.createArrayNode();
      c.forEach(x -> a.add(value(x)));
      return a;
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = MAPPER.createObjectNode();
      m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
      return o;
    }
    return MAPPER.valueToTree(v);
  }

  /** Pretty-printed UTF-8 bytes with a final newline. */
  public static byte[] bytes(JsonNode node) {
    try {
      return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }

  /** The shared mapper, for reading files. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

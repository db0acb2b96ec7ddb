package dev.plumb.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.plumb.data.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes expectations files (JSON, documented in the README), validating what a person
 * may have edited. Stateless and thread-safe.
 */
public final class ExpectationsFile {
  private static final Set<String> TYPES =
      Set.of("numeric", "integer", "boolean", "categorical", "datetime", "text");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ExpectationsFile() {}

  /** The file's bytes for {@code expectations}: pretty JSON with a final newline. */
  public static byte[] bytes(Expectations expectations) {
    try {
      return (MAPPER.writeValueAsString(expectations) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize expectations", e);
    }
  }

  /**
   * Reads and validates an expectations file.
   *
   * @throws BadInputException naming the file, the line and column or the column name, and the fix
   */
  public static Expectations read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": no such expectations file; write one with"
          + " 'plumb datatest write DATA.csv -o " + file + "'");
    }
    Expectations e;
    try {
      e = MAPPER.readValue(file.toFile(), Expectations.class);
    } catch (UnrecognizedPropertyException ex) {
      throw new BadInputException(String.format("%s: %s: unknown key \"%s\"; known keys: %s",
          file, where(ex.getLocation()), ex.getPropertyName(), ex.getKnownPropertyIds()), ex);
    } catch (JsonProcessingException ex) {
      throw new BadInputException(String.format("%s: %s: not a valid expectations file (%s)", file,
          where(ex.getLocation()), ex.getOriginalMessage()), ex);
    } catch (IOException ex) {
      throw new BadInputException(file + ": cannot read (" + ex.getMessage() + ")", ex);
    }
    validate(file, e);
    return e;
  }

  private static void validate(Path file, Expectations e) {
    if (!"plumb/1".equals(e.schema()) || !"expectations".equals(e.kind())) {
      throw new BadInputException(file + ": expected \"schema\": \"plumb/1\" and \"kind\":"
          + " \"expectations\", found " + e.schema() + " / " + e.kind()
          + "; is this an expectations file written by 'plumb datatest write'?");
    }
    if (e.minRows() != null && e.maxRows() != null && e.minRows() > e.maxRows()) {
      throw bad(file, null, "min_rows " + e.minRows() + " is greater than max_rows " + e.maxRows());
    }
    Set<String> names = new HashSet<>();
    List<ColumnExpectation> columns = e.columns();
    for (ColumnExpectation c : columns) {
      if (c.name() == null || c.name().isBlank()) {
        throw bad(file, null, "a column expectation has no \"name\"");
      }
      if (!names.add(c.name())) {
        throw bad(file, c.name(), "the column is listed twice");
      }
      if (c.type() == null || !TYPES.contains(c.type())) {
        throw bad(file, c.name(), "\"type\" must be one of " + TYPES.stream().sorted().toList()
            + ", found " + c.type());
      }
      if (c.maxMissingShare() != null && (c.maxMissingShare() < 0 || c.maxMissingShare() > 1)) {
        throw bad(file, c.name(), "\"max_missing_share\" must be between 0 and 1, found "
            + c.maxMissingShare());
      }
      if (c.min() != null && c.max() != null && c.min() > c.max()) {
        throw bad(file, c.name(), "\"min\" " + c.min() + " is greater than \"max\" " + c.max());
      }
      for (String field : new String[] {c.earliest(), c.latest()}) {
        if (field != null && dev.plumb.data.TemporalParser.epochSeconds(field).isEmpty()) {
          throw bad(file, c.name(), "'" + field + "' is not an ISO-8601 date or date-time");
        }
      }
    }
  }

  private static BadInputException bad(Path file, String column, String problem) {
    return new BadInputException(file + ": " + (column == null ? "" : "column '" + column + "': ")
        + problem + "; fix the expectations file");
  }

  private static String where(JsonLocation loc) {
    return loc == null ? "?" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }
}

package dev.plumb.data;

import java.nio.file.Path;

/**
 * A table read from a file, with the version that identifies its content and the facts of how it
 * was read. Immutable.
 *
 * @param path the file as given
 * @param table the typed columns
 * @param version fingerprints of the content, bytes and schema
 * @param info what the reader detected and skipped
 */
public record Dataset(Path path, Table table, DatasetVersion version, ReadInfo info) {}

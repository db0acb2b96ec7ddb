package dev.plumb.profile;

/**
 * A value and how often it occurs.
 *
 * @param value the value as text
 * @param count its occurrences
 */
public record ValueCount(String value, long count) {}

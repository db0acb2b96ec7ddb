/**
 * Reading data: CSV files into typed, immutable, columnar {@link dev.plumb.data.Table}s, and the
 * {@link dev.plumb.data.DatasetVersion} fingerprints that tie every result to the exact data. Bad
 * input surfaces as {@link dev.plumb.data.BadInputException} with a message for a person.
 */
package dev.plumb.data;

/**
 * Looking at the data before modelling: per-column summaries, the problems that tend to hurt models
 * ({@link dev.plumb.profile.Profiler}), and data expectations that new data can be checked against
 * ({@link dev.plumb.profile.Expectations}).
 */
package dev.plumb.profile;

/**
 * Plumb's own learners: the input-independent baselines ({@code majority}, {@code stratified},
 * {@code uniform}, {@code mean}, {@code median}) and Holte's one-rule classifier.
 */
package dev.plumb.learn.simple;

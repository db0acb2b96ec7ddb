/**
 * The learner contract: a {@link dev.plumb.learn.Learner} is a spec that fits a
 * {@link dev.plumb.learn.TrainingSet} into a {@link dev.plumb.learn.Model}; the
 * {@link dev.plumb.learn.Preprocessor} builds training sets from table rows, fitted on training rows
 * only; {@link dev.plumb.learn.LearnerCatalog} resolves specs to the libraries that implement them.
 */
package dev.plumb.learn;

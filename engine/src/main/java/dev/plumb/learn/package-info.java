/**
 * The learner contract: a {@link dev.plumb.learn.Learner} is a spec that fits a
 * {@link dev.plumb.learn.TrainingSet} into a {@link dev.plumb.learn.Model}; the
 * {@link dev.plumb.learn.Preprocessor} builds training sets from table rows, fitted on training rows
 * only; {@link dev.plumb.learn.LearnerCatalog} resolves specs to the libraries that implement them.
 * A {@link dev.plumb.learn.FittedPipeline} (preprocessing, model, spec, target, classes) predicts
 * rows of any table with the same columns, and {@link dev.plumb.learn.ModelFile} saves it and
 * loads it back through an allow-list, so a hostile file cannot run code.
 */
package dev.plumb.learn;

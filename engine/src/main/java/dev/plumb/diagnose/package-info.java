/**
 * {@code plumb diagnose}: learning and validation curves on shared folds
 * ({@link dev.plumb.diagnose.CurveRunner}), read into verdicts, remedies and a bias/variance table
 * ({@link dev.plumb.diagnose.Diagnoser}); and extrapolating the validation error to more training rows with an inverse
 * power law ({@link dev.plumb.diagnose.PowerLawFitter}), and the fit time with a power of the size
 * ({@link dev.plumb.diagnose.TimeScaling}). Pure computation: no I/O, no console.
 *
 * <p>References for the model: C. Cortes, L. D. Jackel, S. A. Solla, V. Vapnik and J. S. Denker,
 * "Learning Curves: Asymptotic Values and Rate of Convergence", NIPS 6 (1994); J. Hestness et al.,
 * "Deep Learning Scaling is Predictable, Empirically", arXiv:1712.00409 (2017).
 */
package dev.plumb.diagnose;

/**
 * The Tribuo adapter: the only package that imports {@code org.tribuo.*} (an ArchUnit test keeps it
 * so). {@link dev.plumb.learn.tribuo.TribuoLearners} builds these learners:
 *
 * <table>
 *   <caption>Tribuo learners, parameters and defaults</caption>
 *   <tr><th>Spec with defaults</th><th>Tasks</th><th>Tribuo class</th><th>Parameters</th></tr>
 *   <tr>
 *     <td>{@code tribuo:logistic(c=1.0,solver=l2r_lr,max_iterations=1000,epsilon=0.0001,
 *         penalize_intercept=false)}</td>
 *     <td>binary, multiclass (one-vs-rest)</td>
 *     <td>{@code LibLinearClassificationTrainer}</td>
 *     <td>{@code c}: inverse regularization strength, finite, &gt; 0;
 *         {@code solver}: {@code l2r_lr}, {@code l2r_lr_dual} or {@code l1r_lr};
 *         {@code max_iterations}: 1 to 1,000,000;
 *         {@code epsilon}: stopping tolerance in (0, 1];
 *         {@code penalize_intercept}: {@code true} or {@code false} ({@code l2r_lr_dual} needs
 *         {@code true})</td>
 *   </tr>
 *   <tr>
 *     <td>{@code tribuo:knn(k=5,distance=l2)}</td>
 *     <td>binary, multiclass, regression</td>
 *     <td>{@code KNNTrainer} (brute force, one thread) with {@code VotingCombiner}, or for
 *         regression a corrected {@code AveragingCombiner} (4.3.2's returns the k-th neighbour's
 *         target instead of the mean)</td>
 *     <td>{@code k}: 1 to 100,000 (capped at the training rows);
 *         {@code distance}: {@code l2}, {@code l1} or {@code cosine}</td>
 *   </tr>
 * </table>
 *
 * <p>The defaults are scikit-learn's ({@code LogisticRegression()}: C=1, L2, unpenalized
 * intercept, tol=1e-4; {@code KNeighbors*()}: 5 neighbours, Euclidean, uniform weights). Unlike
 * scikit-learn's default lbfgs solver, liblinear fits multiclass problems one-vs-rest and
 * normalizes the per-class probabilities. There is no {@code tribuo:linear}: the modules on the
 * class path have no exact least-squares trainer (liblinear's regression solvers are
 * regularized support vector regression).
 *
 * <p>Rows become Tribuo examples whose feature names are the zero-padded column index plus a
 * sanitized Plumb name, so they are unique and sort in column order; class labels keep Plumb's
 * class names verbatim. A saved model holds Tribuo's protobuf serialization (never Java
 * serialization of Tribuo's objects; {@code TribuoBytes} checks every class name in it before
 * Tribuo rebuilds the model), plus the feature and class names; the model size is the length of
 * that, which includes Tribuo's provenance (timestamps, trainer settings, JVM details) and, for
 * k-NN, every training row.
 */
package dev.plumb.learn.tribuo;

/**
 * The Smile adapter: {@link dev.plumb.learn.smile.SmileLearners} builds learners backed by Smile
 * 3.1.1, with scikit-learn's defaults so that their scores compare with other tools. It is the
 * only package that imports {@code smile.*}.
 *
 * <table>
 *   <caption>Learners, their full specs with defaults, and how each maps to Smile</caption>
 *   <tr><th>task</th><th>full spec</th><th>Smile class</th><th>defaults match</th></tr>
 *   <tr><td>classes, numbers</td>
 *       <td>{@code smile:tree(max_depth=none,node_size=1,max_nodes=none)}</td>
 *       <td>{@code DecisionTree} (Gini), {@code RegressionTree}</td>
 *       <td>{@code DecisionTreeClassifier}, {@code DecisionTreeRegressor}</td></tr>
 *   <tr><td>classes</td><td>{@code smile:stump(node_size=1)}</td>
 *       <td>{@code DecisionTree}, one split</td>
 *       <td>{@code DecisionTreeClassifier(max_depth=1)}</td></tr>
 *   <tr><td>classes</td>
 *       <td>{@code smile:random_forest(trees=100,mtry=sqrt,max_depth=none,node_size=1,
 *       subsample=1.0)}</td>
 *       <td>{@code classification.RandomForest}</td><td>{@code RandomForestClassifier}</td></tr>
 *   <tr><td>numbers</td>
 *       <td>{@code smile:random_forest(trees=100,mtry=all,max_depth=none,node_size=1,
 *       subsample=1.0)}</td>
 *       <td>{@code regression.RandomForest}</td><td>{@code RandomForestRegressor}</td></tr>
 *   <tr><td>classes, numbers</td>
 *       <td>{@code smile:gradient_boosting(trees=100,shrinkage=0.1,max_depth=3,node_size=1,
 *       subsample=1.0)}</td>
 *       <td>{@code GradientTreeBoost} (logistic / softmax; least squares)</td>
 *       <td>{@code GradientBoostingClassifier}, {@code GradientBoostingRegressor}</td></tr>
 *   <tr><td>classes</td><td>{@code smile:naive_bayes(var_smoothing=1.0e-9)}</td>
 *       <td>{@code NaiveBayes} of {@code GaussianDistribution}s estimated here</td>
 *       <td>{@code GaussianNB}</td></tr>
 *   <tr><td>numbers</td><td>{@code smile:linear}</td><td>{@code OLS}, by SVD</td>
 *       <td>{@code LinearRegression}</td></tr>
 *   <tr><td>numbers</td><td>{@code smile:ridge(alpha=1.0)}</td>
 *       <td>{@code RidgeRegression}, penalties rescaled</td><td>{@code Ridge}</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>key</th><th>values</th><th>meaning (scikit-learn name)</th></tr>
 *   <tr><td>{@code max_depth}</td><td>{@code none} or 1 to 1000</td>
 *       <td>most split levels; a stump has 1 ({@code max_depth})</td></tr>
 *   <tr><td>{@code node_size}</td><td>integer &ge; 1</td>
 *       <td>fewest training rows in a leaf ({@code min_samples_leaf})</td></tr>
 *   <tr><td>{@code max_nodes}</td><td>{@code none} or integer &ge; 2</td>
 *       <td>most leaves, grown best-first ({@code max_leaf_nodes})</td></tr>
 *   <tr><td>{@code trees}</td><td>1 to 100000</td>
 *       <td>trees of a forest, rounds of boosting ({@code n_estimators})</td></tr>
 *   <tr><td>{@code mtry}</td>
 *       <td>{@code sqrt}, {@code log2}, {@code all}, a count, or a fraction in (0, 1]</td>
 *       <td>features tried per split ({@code max_features}); a one-hot encoded category counts
 *       as one feature, where scikit-learn counts each of its one-hot columns</td></tr>
 *   <tr><td>{@code subsample}</td><td>(0, 1]</td>
 *       <td>forest: 1.0 is a bootstrap sample of n rows, less a fraction drawn without
 *       replacement ({@code max_samples}); boosting: fraction of rows per round
 *       ({@code subsample})</td></tr>
 *   <tr><td>{@code shrinkage}</td><td>(0, 1]</td>
 *       <td>learning rate ({@code learning_rate})</td></tr>
 *   <tr><td>{@code var_smoothing}</td><td>(0, 1]</td>
 *       <td>share of the largest feature variance added to every variance
 *       ({@code var_smoothing})</td></tr>
 *   <tr><td>{@code alpha}</td><td>&gt; 0</td><td>ridge penalty ({@code alpha})</td></tr>
 * </table>
 *
 * <p>Where Smile 3.1.1 still differs from scikit-learn: its trees merge sister leaves that predict
 * the same class; its forests draw each class's bootstrap sample separately; its binary boosting
 * is Friedman's two-class logistic boosting; its split search treats values closer than 1e-7 as
 * equal. Where this adapter departs from Smile's own behaviour, to match scikit-learn: tree and
 * forest probabilities are leaf class shares averaged with equal weight over the trees (Smile adds
 * one to every class count and weights trees by out-of-bag accuracy); ridge penalizes the
 * coefficients of the features as given, not of standardized features; OLS uses SVD.
 *
 * <p>Data: features reach Smile as columns {@code f0, f1, ...} of a {@code DataFrame} and the
 * target as column {@code target}; Smile re-encodes class indices to the classes present in the
 * training rows, and models map them back, giving probability 0 to classes absent from training.
 * A training set of a single class gives a model that predicts that class. For the tree learners
 * (tree, stump, random forest, gradient boosting) each one-hot block is one integer column with a
 * Smile {@code NominalScale} ({@code SmileColumns}), which Smile's CART splits one level against
 * the rest, as a tree on the one-hot features would, without sorting and re-partitioning a row
 * order for every one-hot feature; their models collapse incoming rows the same way. (A Smile
 * classification tree scores every level of a nominal column, whereas on a 0/1 feature it skips
 * the one threshold when the last 0 and the first 1 in its sort order have the same class, so a
 * category's split is no longer missed that way.) Other learners see every feature as a number.
 *
 * <p>Randomness and threads: all randomness comes from the seed given to {@code fit}. Forests pass
 * Smile one seed per tree; boosting reseeds Smile's thread-local generator ({@code MathEx}) on the
 * fitting thread just before fitting. Results do not depend on other fits running at the same
 * time. Smile fits forest trees, and searches tree splits, in parallel streams on the common
 * fork-join pool.
 */
package dev.plumb.learn.smile;

package dev.plumb.learn.smile;

import java.util.OptionalInt;

/**
 * Translates scikit-learn-style tree limits into the arguments of Smile's CART. Stateless.
 *
 * <p>Depth: Smile numbers the root's split depth 1 and refuses a split at depth
 * {@code >= maxDepth}, so Smile's {@code maxDepth} is scikit-learn's {@code max_depth} plus one
 * (a stump, {@code max_depth=1}, is Smile's {@code maxDepth=2}).
 *
 * <p>Leaves: Smile grows trees best-first with a priority queue it sizes to {@code 2 * maxNodes},
 * or, only when {@code maxNodes == Integer.MAX_VALUE}, depth-first by recursion, which on a deep,
 * unlimited tree in a small pool-thread stack risks a stack overflow. "No limit" is therefore
 * passed as the largest number of leaves the tree could have: the rows (at least 2), and at most
 * {@code 2^max_depth} under a depth limit. The limit never binds, so the tree is the one an
 * unlimited tree would be.
 */
final class CartLimits {
  /** The deepest {@code max_depth} accepted; deeper trees cannot be told apart from unlimited. */
  static final int MAX_DEPTH = 1000;

  private CartLimits() {}

  /** Smile's {@code maxDepth} for scikit-learn's {@code max_depth} (empty: unlimited). */
  static int depth(OptionalInt maxDepth) {
    return maxDepth.isPresent() ? maxDepth.getAsInt() + 1 : Integer.MAX_VALUE;
  }

  /** Smile's {@code maxNodes} (most leaves) for a tree on {@code rows} rows. */
  static int leaves(OptionalInt maxNodes, OptionalInt maxDepth, int rows) {
    if (maxNodes.isPresent()) {
      return maxNodes.getAsInt();
    }
    int most = Math.max(2, rows);
    if (maxDepth.isPresent() && maxDepth.getAsInt() < 30) {
      most = Math.min(most, Math.max(2, 1 << maxDepth.getAsInt()));
    }
    return most;
  }
}

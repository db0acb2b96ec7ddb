package dev.plumb.spark;

import dev.plumb.backend.BackendMode;
import dev.plumb.backend.BackendPlan;
import dev.plumb.backend.BackendScores;
import dev.plumb.backend.BackendSettings;
import dev.plumb.backend.LocalBackend;
import java.util.Map;

/** The contract on the local engine itself: the reference every other backend is held to. */
class LocalContractTest extends BackendContract {
  @Override
  BackendScores run(BackendPlan plan) {
    return local(plan);
  }

  @Override
  Map<Long, Integer> folds(BackendPlan plan, int repeat) {
    return new LocalBackend().foldOfKey(plan, BackendSettings.local(), repeat);
  }

  @Override
  BackendMode mode() {
    return BackendMode.TASK_PARALLEL;
  }

  @Override
  double modelTolerance() {
    return 0;
  }
}

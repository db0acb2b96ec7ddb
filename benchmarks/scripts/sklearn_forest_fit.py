#!/usr/bin/python3
"""scikit-learn's side of ForestFitBenchmark / ForestPredictBenchmark: a RandomForestClassifier(100)
fitted on the first TRAIN rows of a GenerateCsv file, encoded as Plumb encodes it (StandardScaler
on the 20 numbers; OneHotEncoder keeping the 20 most frequent levels seen twice plus an
"infrequent" column: 46 features), timed REPEAT times for each n_jobs, then predict_proba on the
remaining rows.

Run with the Debian system Python (scikit-learn 1.2.1):

    java benchmarks/src/main/java/dev/plumb/benchmarks/GenerateCsv.java /tmp/rows-25000.csv 25000
    /usr/bin/python3 benchmarks/scripts/sklearn_forest_fit.py /tmp/rows-25000.csv 20000
"""

import os
import sys
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "reference"))
import sklearn_baseline  # noqa: E402  (the CSV reader)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: sklearn_forest_fit.py FILE.csv TRAIN_ROWS [REPEAT]")
    path, train = sys.argv[1], int(sys.argv[2])
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    x_num, x_cat, y = sklearn_baseline.read(path)
    n_num = x_num.shape[1]
    x = np.empty((len(y), n_num + x_cat.shape[1]), dtype=object)
    x[:, :n_num] = x_num
    x[:, n_num:] = x_cat
    ct = ColumnTransformer([
        ("num", StandardScaler(), list(range(n_num))),
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2,
                              max_categories=21, sparse_output=False),
         list(range(n_num, x.shape[1])))])
    xt = ct.fit_transform(x[:train]).astype(np.float64)
    xv = ct.transform(x[train:]).astype(np.float64)
    print(f"train {xt.shape[0]} x {xt.shape[1]}, held out {xv.shape[0]}")
    for jobs in (1, 2):
        times = []
        model = None
        for _ in range(repeat):
            t0 = time.perf_counter()
            model = RandomForestClassifier(100, n_jobs=jobs, random_state=42).fit(xt, y[:train])
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        proba = model.predict_proba(xv)
        predict = time.perf_counter() - t0
        accuracy = float((model.classes_[proba.argmax(axis=1)] == y[train:]).mean())
        print(f"n_jobs={jobs}: fit seconds {', '.join(f'{t:.2f}' for t in times)};"
              f" predict_proba {xv.shape[0]} rows {predict * 1000:.0f} ms;"
              f" held-out accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The scikit-learn counterpart of `plumb baseline` on a GenerateCsv file, for a same-machine
speed and accuracy comparison (see benchmarks/README.md, "Baseline ladder end to end").

Run with the Debian system Python (scikit-learn 1.2.1, numpy 1.24.2), not the pyenv python3:

    /usr/bin/python3 benchmarks/reference/sklearn_baseline.py benchmarks/target/e2e/rows-10000.csv

What it does, per the comparison's definition:

  * reads the CSV with the csv module (no pandas here): every column but the target is numeric
    except the text columns `region` and `product`; the target is `target` (yes/no);
  * StratifiedKFold(5, shuffle=True, random_state=42) (--fold-seed changes the 42);
  * per fold, a ColumnTransformer fitted on the training rows only: StandardScaler on the numbers
    and OneHotEncoder on the categories. By default the encoder mirrors Plumb's (the 20 most
    frequent training levels seen at least twice, the rest in one "infrequent" column:
    min_frequency=2, max_categories=21, handle_unknown='infrequent_if_exist'), so both tools fit
    the same 46 features; --plain-onehot uses OneHotEncoder(handle_unknown='ignore') instead
    (one column per level: 75 features on these files);
  * the seven learners of the reference measurement: DummyClassifier(most_frequent),
    DummyClassifier(stratified), GaussianNB, LogisticRegression(max_iter=1000),
    KNeighborsClassifier(5), DecisionTreeClassifier, RandomForestClassifier(100, n_jobs=N) with
    N from --forest-jobs (default 1);
  * times the read, the preprocessing, and each learner's fit and predict (summed over the folds,
    time.perf_counter), and scores validation accuracy (mean and sample standard deviation over
    the folds, ddof=1, as Plumb reports).

Everything runs sequentially in this process; only the libraries' own threads run in parallel:
OpenBLAS (2 threads on a 2-core machine) and OpenMP, which KNeighborsClassifier's brute-force
distance reduction uses. Output: one compact JSON line on stdout (and a readable table on stderr).
"""

import argparse
import csv
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import StratifiedKFold
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

CATEGORICAL = ("region", "product")
TARGET = "target"
SEED = 42


def learners(forest_jobs):
    return {
        "majority": lambda: DummyClassifier(strategy="most_frequent"),
        "stratified": lambda: DummyClassifier(strategy="stratified", random_state=SEED),
        "naive_bayes": GaussianNB,
        "logistic": lambda: LogisticRegression(max_iter=1000),
        "knn": lambda: KNeighborsClassifier(5),
        "tree": lambda: DecisionTreeClassifier(random_state=SEED),
        "random_forest": lambda: RandomForestClassifier(
            100, n_jobs=forest_jobs, random_state=SEED),
    }


def read(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    cat_idx = [header.index(c) for c in CATEGORICAL]
    t = header.index(TARGET)
    num_idx = [j for j in range(len(header)) if j not in cat_idx and j != t]
    x_num = np.array([[float(r[j]) for j in num_idx] for r in rows])
    x_cat = np.array([[r[j] for j in cat_idx] for r in rows], dtype=object)
    y = np.array([r[t] for r in rows])
    return x_num, x_cat, y


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("csv")
    p.add_argument("--forest-jobs", type=int, default=1,
                   help="RandomForestClassifier n_jobs (default 1)")
    p.add_argument("--plain-onehot", action="store_true",
                   help="one column per level instead of Plumb's 20 levels + other")
    p.add_argument("--learners", default=None,
                   help="comma-separated subset of the learner names (default: all seven)")
    p.add_argument("--fold-seed", type=int, default=SEED,
                   help="StratifiedKFold random_state (default 42), to see how much the means"
                        " move with the fold assignment alone")
    args = p.parse_args()

    t_start = time.perf_counter()
    x_num, x_cat, y = read(args.csv)
    t_read = time.perf_counter() - t_start
    n_num = x_num.shape[1]
    x = np.empty((len(y), n_num + x_cat.shape[1]), dtype=object)
    x[:, :n_num] = x_num
    x[:, n_num:] = x_cat
    num_cols = list(range(n_num))
    cat_cols = list(range(n_num, x.shape[1]))

    def encoder():
        if args.plain_onehot:
            return OneHotEncoder(handle_unknown="ignore", sparse_output=False)
        return OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2,
                             max_categories=21, sparse_output=False)

    chosen = learners(args.forest_jobs)
    if args.learners:
        chosen = {k: chosen[k] for k in args.learners.split(",")}
    fit_s = {k: 0.0 for k in chosen}
    predict_s = {k: 0.0 for k in chosen}
    acc = {k: [] for k in chosen}
    t_pre = 0.0
    width = None
    folds = StratifiedKFold(5, shuffle=True, random_state=args.fold_seed)
    for train, val in folds.split(x, y):
        t0 = time.perf_counter()
        ct = ColumnTransformer([("num", StandardScaler(), num_cols),
                                ("cat", encoder(), cat_cols)])
        xt = ct.fit_transform(x[train]).astype(np.float64)
        xv = ct.transform(x[val]).astype(np.float64)
        t_pre += time.perf_counter() - t0
        width = xt.shape[1]
        for name, make in chosen.items():
            t0 = time.perf_counter()
            model = make().fit(xt, y[train])
            t1 = time.perf_counter()
            predicted = model.predict(xv)
            t2 = time.perf_counter()
            fit_s[name] += t1 - t0
            predict_s[name] += t2 - t1
            acc[name].append(accuracy_score(y[val], predicted))
    total = time.perf_counter() - t_start

    out = {
        "tool": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, "
                f"Python {sys.version.split()[0]}",
        "file": os.path.basename(args.csv),
        "rows": int(len(y)),
        "features": int(width),
        "onehot": "plain" if args.plain_onehot else "20 levels + infrequent (as Plumb)",
        "forest_n_jobs": args.forest_jobs,
        "fold_seed": args.fold_seed,
        "timings": {
            "read_seconds": round(t_read, 3),
            "preprocess_seconds": round(t_pre, 3),
            "total_seconds": round(total, 3),
            "fit_seconds": {k: round(v, 3) for k, v in fit_s.items()},
            "predict_seconds": {k: round(v, 3) for k, v in predict_s.items()},
        },
        "accuracy": {k: {"mean": round(float(np.mean(v)), 4),
                         "std": round(float(np.std(v, ddof=1)), 4)} for k, v in acc.items()},
    }
    for k in chosen:
        print(f"{k:14s} acc {np.mean(acc[k]):.4f} ± {np.std(acc[k], ddof=1):.4f}"
              f"  fit {fit_s[k]:8.3f} s  predict {predict_s[k]:8.3f} s", file=sys.stderr)
    print(f"read {t_read:.3f} s, preprocess {t_pre:.3f} s, total {total:.3f} s", file=sys.stderr)
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()

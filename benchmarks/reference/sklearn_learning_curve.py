#!/usr/bin/python3
"""The scikit-learn counterpart of the issue's reference for `plumb diagnose`: `learning_curve`
for logistic regression and a 100-tree random forest, 5 sizes x 5 folds, on a GenerateCsv file.

Run with the Debian system Python (scikit-learn 1.2.1):

    /usr/bin/python3 benchmarks/reference/sklearn_learning_curve.py benchmarks/target/e2e/rows-100000.csv

Per learner: a Pipeline(ColumnTransformer(StandardScaler on the numbers, OneHotEncoder as Plumb's
20 levels + infrequent on `region` and `product`), estimator), `learning_curve` with
train_sizes=linspace(0.1, 1.0, 5) (scikit-learn's default), StratifiedKFold(5, shuffle=True,
random_state=42), shuffle=True, random_state=42, scoring="balanced_accuracy", n_jobs from
--jobs (default 1; the libraries' own threads still run: OpenBLAS). Prints one JSON line: seconds per learner, and the
validation score per size.
"""

import argparse
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, learning_curve
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from sklearn_baseline import read  # noqa: E402  (same CSV reading as the baseline comparison)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("csv")
    p.add_argument("--jobs", type=int, default=1,
                   help="learning_curve n_jobs (default 1; 2 uses both cores of the machine)")
    args = p.parse_args()
    x_num, x_cat, y = read(args.csv)
    n_num = x_num.shape[1]
    x = np.empty((len(y), n_num + x_cat.shape[1]), dtype=object)
    x[:, :n_num] = x_num
    x[:, n_num:] = x_cat
    pre = ColumnTransformer([
        ("num", StandardScaler(), list(range(n_num))),
        ("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=2,
                              max_categories=21, sparse_output=False),
         list(range(n_num, x.shape[1])))])
    estimators = {
        "logistic": LogisticRegression(max_iter=1000),
        "random_forest": RandomForestClassifier(100, random_state=42),
    }
    out = {"tool": f"scikit-learn {sklearn.__version__}", "rows": int(len(y)), "n_jobs": args.jobs,
           "learners": {}}
    total = 0.0
    for name, est in estimators.items():
        t0 = time.perf_counter()
        sizes, train, val = learning_curve(
            Pipeline([("pre", pre), ("model", est)]), x, y,
            train_sizes=np.linspace(0.1, 1.0, 5),
            cv=StratifiedKFold(5, shuffle=True, random_state=42), scoring="balanced_accuracy",
            shuffle=True, random_state=42, n_jobs=args.jobs)
        seconds = time.perf_counter() - t0
        total += seconds
        out["learners"][name] = {
            "seconds": round(seconds, 1),
            "sizes": [int(s) for s in sizes],
            "validation": [round(float(v), 4) for v in val.mean(axis=1)],
            "train": [round(float(v), 4) for v in train.mean(axis=1)],
        }
        print(f"{name}: {seconds:.1f} s", file=sys.stderr)
    out["total_seconds"] = round(total, 1)
    print(json.dumps(out, separators=(",", ":")))


if __name__ == "__main__":
    main()

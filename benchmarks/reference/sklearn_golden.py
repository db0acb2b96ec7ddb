#!/usr/bin/python3
"""Reference values for engine/src/test/java/dev/plumb/evaluate/GoldenBaselineTest.java.

Computes, with scikit-learn on exactly Plumb's 5-fold splits (seed 42), the mean over folds of
the validation accuracy (classification) or RMSE (regression) of the learners that Plumb's
baseline ladder claims to match (and, for the decision tree, the range over random_state 0..199), so that the test can pin Plumb's numbers against an independent
implementation.

Run from the repository root with the Debian system Python (scikit-learn 1.2.1, numpy 1.24.2):

    /usr/bin/python3 benchmarks/reference/sklearn_golden.py

It reads the datasets in datasets/ and the fold assignment Plumb uses, which the test keeps in
engine/src/test/resources/golden/<dataset>_folds.csv (columns: row = index of the row among the
labelled rows of the CSV, which for these datasets is the data row index; fold = 0-based fold).
The test checks that those files still equal Plumb's Splits.stratifiedKFold / Splits.kFold
output; if the splitter changes, rewrite them with

    mvn -q -B -pl engine test -Dtest='dev.plumb.evaluate.GoldenBaselineTest' \
        -Dgolden.rewriteFolds=true -Dsurefire.failIfNoSpecifiedTests=false

then rerun this script and update the pinned values in the test.

Per fold, the features are standardized with a StandardScaler fitted on the training rows (Plumb
imputes medians and standardizes with the population standard deviation; these datasets have no
missing values and only numeric features, so the two are the same), then each model is fitted on
the training rows and scored on the validation rows. Printed: per learner, the mean over folds
and the per-fold scores, full precision.
"""

import csv
import os
import sys

import numpy as np
import sklearn
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_squared_error
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATASETS = os.path.join(ROOT, "datasets")
FOLDS = os.path.join(ROOT, "engine", "src", "test", "resources", "golden")

CLASSIFICATION = [
    ("iris", "species"),
    ("wine", "cultivar"),
    ("breast_cancer_wdbc", "diagnosis"),
]
REGRESSION = [
    ("diabetes", "disease_progression"),
    ("concrete", "compressive_strength"),
]


def classifiers():
    return {
        "majority": lambda: DummyClassifier(strategy="prior"),
        # Plumb's logistic is liblinear L2R_LR, one-vs-rest for more than two classes; lbfgs with
        # multi_class='ovr' minimizes the same per-class objectives. The multinomial model that
        # LogisticRegression() fits by default on 3 classes is a different model; it is printed
        # for information only.
        "logistic": lambda: LogisticRegression(C=1.0, max_iter=10000, multi_class="ovr"),
        "logistic_multinomial": lambda: LogisticRegression(
            C=1.0, max_iter=10000, multi_class="multinomial"),
        "naive_bayes": GaussianNB,
        "knn": lambda: KNeighborsClassifier(5),
        "tree": lambda: DecisionTreeClassifier(random_state=0),
    }


def regressors():
    return {
        "mean": DummyRegressor,
        "linear": LinearRegression,
        "ridge": lambda: Ridge(alpha=1.0),
        "knn": lambda: KNeighborsRegressor(5),
    }


# CART's choice between equally good splits is arbitrary: scikit-learn draws it with random_state
# (it visits the features in a random order), Smile takes the first. So besides random_state=0 the
# script reports the range of the tree's mean accuracy over these seeds.
TREE_SEEDS = range(200)


def tree_range(x, y, fold):
    means = []
    for seed in TREE_SEEDS:
        model = {"tree": lambda: DecisionTreeClassifier(random_state=seed)}
        means.append(np.mean(cross_validate(x, y, fold, model, accuracy_score)["tree"]))
    return min(means), float(np.mean(means)), max(means)


def read_dataset(name, target):
    with open(os.path.join(DATASETS, name + ".csv"), newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    t = header.index(target)
    x = np.array([[float(v) for j, v in enumerate(r) if j != t] for r in body])
    y = [r[t] for r in body]
    return x, y


def read_folds(name, n):
    fold = np.full(n, -1)
    with open(os.path.join(FOLDS, name + "_folds.csv"), newline="") as f:
        for rec in csv.DictReader(f):
            fold[int(rec["row"])] = int(rec["fold"])
    if (fold < 0).any():
        sys.exit(name + ": fold file does not cover every row")
    return fold


def cross_validate(x, y, fold, models, score):
    out = {}
    for name, make in models.items():
        scores = []
        for k in range(fold.max() + 1):
            train, val = fold != k, fold == k
            scaler = StandardScaler().fit(x[train])
            model = make().fit(scaler.transform(x[train]), y[train])
            scores.append(score(y[val], model.predict(scaler.transform(x[val]))))
        out[name] = scores
    return out


def rmse(actual, predicted):
    return mean_squared_error(actual, predicted) ** 0.5


def report(dataset, metric, results):
    for learner, scores in results.items():
        per_fold = " ".join(repr(float(s)) for s in scores)
        print(f"{dataset:20s} {learner:22s} {metric:8s} mean={float(np.mean(scores))!r}"
              f"  folds=[{per_fold}]")


def main():
    print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}, Python "
          f"{sys.version.split()[0]}")
    for name, target in CLASSIFICATION:
        x, labels = read_dataset(name, target)
        y = np.array(labels)
        fold = read_folds(name, len(y))
        report(name, "accuracy", cross_validate(x, y, fold, classifiers(), accuracy_score))
        low, average, high = tree_range(x, y, fold)
        print(f"{name:20s} {'tree_random_state':22s} accuracy min={low!r} mean={average!r}"
              f" max={high!r}  (random_state in 0..{len(TREE_SEEDS) - 1})")
    for name, target in REGRESSION:
        x, values = read_dataset(name, target)
        y = np.array([float(v) for v in values])
        fold = read_folds(name, len(y))
        report(name, "rmse", cross_validate(x, y, fold, regressors(), rmse))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""scikit-learn peer of the prediction benchmark (issue 5).

Run with Debian's /usr/bin/python3 (scikit-learn 1.2.1), not the first python3 on PATH:

  /usr/bin/python3 bench/peers/sklearn_predict.py --out /tmp/predict.csv [--rows 120000] [--trees 100] [--repeats 5]

Generates make_classification(n_samples=120000, n_features=30, n_informative=12, n_redundant=6,
flip_y=0.05, class_sep=0.8, random_state=7), splits it 80/20 (stratified, random_state=7), writes
every row with its split to --out (id, split, x0..x29, label; features as float32 in their shortest
round-trip text), trains RandomForestClassifier(n_estimators=100, n_jobs=-1, random_state=0) on the
training rows and times predict_proba on the test rows, and on the test rows repeated to at least
200,000 rows. Prints one JSON line on stdout; rates are rows per second of the median repeat.
"""

import argparse
import csv
import json
import os
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


def timed(predict, X, repeats):
    """One untimed call (thread pool start-up), then `repeats` timed ones."""
    predict(X)
    seconds = []
    for _ in range(repeats):
        t = time.perf_counter()
        predict(X)
        seconds.append(time.perf_counter() - t)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="write the rows with their split here")
    parser.add_argument("--rows", type=int, default=120000)
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-repeated", type=int, default=200000, help="the repeated test set has at least this many rows")
    args = parser.parse_args()

    X, y = make_classification(n_samples=args.rows, n_features=30, n_informative=12, n_redundant=6,
                               flip_y=0.05, class_sep=0.8, random_state=7)
    index = np.arange(len(y))
    train, test = train_test_split(index, test_size=0.2, random_state=7, stratify=y)
    split = np.empty(len(y), dtype=object)
    split[train] = "train"
    split[test] = "test"

    # float32, as scikit-learn's trees see X and as the cluster stores features: both sides score the same numbers.
    X = X.astype(np.float32)
    if args.out:
        with open(args.out, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "split", *[f"x{j}" for j in range(X.shape[1])], "label"])
            for i in range(len(y)):
                w.writerow([i + 1, split[i], *[str(v) for v in X[i]], int(y[i])])

    rf = RandomForestClassifier(n_estimators=args.trees, n_jobs=-1, random_state=0)
    t = time.perf_counter()
    rf.fit(X[train], y[train])
    fit = time.perf_counter() - t

    X_test = X[test]
    copies = -(-args.min_repeated // len(test))
    X_repeated = np.ascontiguousarray(np.tile(X_test, (copies, 1)))
    test_seconds = timed(rf.predict_proba, X_test, args.repeats)
    repeated_seconds = timed(rf.predict_proba, X_repeated, args.repeats)
    scores = rf.predict_proba(X_test)[:, 1]

    print(json.dumps({
        "rows": int(len(y)),
        "trainRows": int(len(train)),
        "testRows": int(len(test)),
        "repeatedRows": int(X_repeated.shape[0]),
        "features": int(X.shape[1]),
        "trees": args.trees,
        "leaves": int(sum(e.tree_.n_leaves for e in rf.estimators_)),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "cores": os.cpu_count(),
        "nJobs": rf.n_jobs,
        "fitSeconds": fit,
        "testSeconds": test_seconds,
        "repeatedSeconds": repeated_seconds,
        "testRowsPerSecond": len(test) / statistics.median(test_seconds),
        "repeatedRowsPerSecond": X_repeated.shape[0] / statistics.median(repeated_seconds),
        "auroc": float(roc_auc_score(y[test], scores)),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())

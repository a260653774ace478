#!/usr/bin/python3
"""scikit-learn peer of the training benchmark (issue 4).

Run with Debian's /usr/bin/python3 (scikit-learn 1.2.1), not the first python3 on PATH:

  /usr/bin/python3 bench/peers/sklearn_peer.py cv --data breast_cancer --data-dir ../shared/data/ml --out /tmp/bc.csv
  /usr/bin/python3 bench/peers/sklearn_peer.py speed [--out /tmp/speed.csv] [--rows 120000] [--trees 100]

Both subcommands write the exact rows they score to --out, so the C# side ingests the same data with
the same folds (cv) or the same train/test split (speed), and print one JSON line on stdout.
"""

import argparse
import csv
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def read_breast_cancer(path):
    """scikit-learn's copy: first line `569,30,malignant,benign`, then 30 features and the target."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    n, p = int(rows[0][0]), int(rows[0][1])
    body = [r for r in rows[1:] if r]
    assert len(body) == n, (len(body), n)
    names = [f"f{i}" for i in range(p)]
    raw = [r[:p] for r in body]
    y = [int(r[p]) for r in body]
    return names, raw, y


def read_pima(path):
    """Header row; target `Outcome`. Raw values, zeros kept (as the data README's reference figures)."""
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r]
    header = rows[0]
    target = header.index("Outcome")
    names = [h for i, h in enumerate(header) if i != target]
    raw = [[v for i, v in enumerate(r) if i != target] for r in rows[1:]]
    y = [int(r[target]) for r in rows[1:]]
    return names, raw, y


def cv(args):
    path = os.path.join(args.data_dir, f"{args.data}.csv")
    names, raw, y = read_breast_cancer(path) if args.data == "breast_cancer" else read_pima(path)
    X = np.array([[float(v) for v in r] for r in raw])
    y = np.array(y)

    folds = np.zeros(len(y), dtype=int)
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    splits = list(splitter.split(X, y))
    for k, (_, test) in enumerate(splits, start=1):
        folds[test] = k

    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "fold", *names, "label"])
        for i in range(len(y)):
            # The original text of each value, so both sides see the same numbers.
            w.writerow([i + 1, folds[i], *raw[i], y[i]])

    rf_auc, lr_auc, rf_fit, lr_fit = [], [], [], []
    for train, test in splits:
        rf = RandomForestClassifier(n_estimators=args.trees, n_jobs=-1, random_state=0)
        t = time.perf_counter()
        rf.fit(X[train], y[train])
        rf_fit.append(time.perf_counter() - t)
        rf_auc.append(roc_auc_score(y[test], rf.predict_proba(X[test])[:, 1]))

        lr = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
        t = time.perf_counter()
        lr.fit(X[train], y[train])
        lr_fit.append(time.perf_counter() - t)
        lr_auc.append(roc_auc_score(y[test], lr.predict_proba(X[test])[:, 1]))

    print(json.dumps({
        "data": args.data,
        "rows": int(len(y)),
        "features": len(names),
        "positives": int(y.sum()),
        "trees": args.trees,
        "sklearn": sklearn.__version__,
        "cores": os.cpu_count(),
        "folds": [int((folds == k).sum()) for k in range(1, 6)],
        "rfAuroc": rf_auc,
        "lrAuroc": lr_auc,
        "rfMeanAuroc": float(np.mean(rf_auc)),
        "lrMeanAuroc": float(np.mean(lr_auc)),
        "rfFitSeconds": float(np.sum(rf_fit)),
        "lrFitSeconds": float(np.sum(lr_fit)),
    }))


def speed(args):
    X, y = make_classification(n_samples=args.rows, n_features=30, n_informative=12, n_redundant=6,
                               flip_y=0.05, class_sep=0.8, random_state=7)
    index = np.arange(len(y))
    train, test = train_test_split(index, test_size=0.2, random_state=7, stratify=y)
    split = np.empty(len(y), dtype=object)
    split[train] = "train"
    split[test] = "test"

    # Features as float32 (written in their shortest round-trip form): scikit-learn's trees convert X to
    # float32 before fitting and the cluster stores float32 features, so neither side loses anything,
    # and the CSV is about half the size of float64 text.
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
    t = time.perf_counter()
    scores = rf.predict_proba(X[test])[:, 1]
    predict = time.perf_counter() - t
    print(json.dumps({
        "rows": int(len(y)),
        "trainRows": int(len(train)),
        "testRows": int(len(test)),
        "features": int(X.shape[1]),
        "trees": args.trees,
        "sklearn": sklearn.__version__,
        "cores": os.cpu_count(),
        "fitSeconds": fit,
        "predictSeconds": predict,
        "auroc": float(roc_auc_score(y[test], scores)),
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("cv", help="5-fold stratified CV on a real data set; writes the rows with their folds")
    c.add_argument("--data", choices=["breast_cancer", "pima_diabetes"], required=True)
    c.add_argument("--data-dir", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--trees", type=int, default=500)
    s = sub.add_parser("speed", help="RandomForest fit time on make_classification; writes the rows with their split")
    s.add_argument("--out", help="write the rows here (leave out to time the fit only, e.g. a second time)")
    s.add_argument("--rows", type=int, default=120000)
    s.add_argument("--trees", type=int, default=100)
    args = parser.parse_args()
    cv(args) if args.command == "cv" else speed(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Rebuild the shipped triage model from the train split: `python -m serve_app.domain.triage.train`.

Deterministic: the same dataset gives the same `data/model.json`. `--check` rebuilds in
memory and exits non-zero if the shipped artifact differs; `--tune` prints cross-validated
log-loss for a range of regularisation strengths (how `REGULARISATION` was chosen).
Needs scikit-learn, which the serving path never imports.
"""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from serve_app.domain.triage.dataset import LabelledMessage, load_dataset
from serve_app.domain.triage.features import model_features
from serve_app.domain.triage.linear_model import FORMAT_VERSION, MODEL_FILE, read_artifact
from serve_app.domain.triage.reading import read_rules

REGULARISATION: Final = 10.0  # LogisticRegression C, from `--tune` on the train split
MIN_DOCUMENT_FREQUENCY: Final = 2  # a feature seen once is noise and only grows the file
FOLDS: Final = 5
SEED: Final = 0
DECIMALS: Final = 6
_TEMPERATURES: Final = np.round(np.arange(0.3, 3.001, 0.02), 2)
_TUNING_GRID: Final = (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0)

Documents = list[list[str]]


def featurise(rows: Sequence[LabelledMessage]) -> tuple[Documents, list[bool]]:
    """Model features per message, and whether the rules alone settle it."""
    documents: Documents = []
    settled: list[bool] = []
    for row in rows:
        reading = read_rules(row.text, row.code, row.previous_route)
        documents.append(model_features(reading, row.previous_route))
        settled.append(reading.settles)
    return documents, settled


def _identity(document: list[str]) -> list[str]:
    return document


def _fit(
    documents: Documents, labels: Sequence[str], c: float
) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(
        analyzer=_identity, sublinear_tf=True, min_df=MIN_DOCUMENT_FREQUENCY, norm="l2"
    )
    matrix = vectorizer.fit_transform(documents)
    model = LogisticRegression(C=c, class_weight="balanced", solver="newton-cg", max_iter=1000)
    model.fit(matrix, labels)
    return vectorizer, model


def _out_of_fold_logits(
    documents: Documents, labels: Sequence[str], c: float
) -> tuple[npt.NDArray[np.float64], list[str]]:
    classes = sorted(set(labels))
    logits = np.zeros((len(documents), len(classes)))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_index, test_index in folds.split(documents, labels):
        vectorizer, model = _fit(
            [documents[i] for i in train_index], [labels[i] for i in train_index], c
        )
        matrix = vectorizer.transform([documents[i] for i in test_index])
        logits[test_index] = model.decision_function(matrix)
    return logits, classes


def _log_loss(logits: npt.NDArray[np.float64], targets: npt.NDArray[np.int64], t: float) -> float:
    scaled = logits / t
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(targets)), targets].mean())


def fit_temperature(logits: npt.NDArray[np.float64], targets: npt.NDArray[np.int64]) -> float:
    """The softmax temperature that minimises log-loss on out-of-fold scores."""
    losses = [_log_loss(logits, targets, float(t)) for t in _TEMPERATURES]
    return float(_TEMPERATURES[int(np.argmin(losses))])


def build_artifact(rows: Sequence[LabelledMessage]) -> dict[str, Any]:
    """Train on `rows` and return the JSON-ready model."""
    documents, settled = featurise(rows)
    labels = [row.label for row in rows]
    logits, classes = _out_of_fold_logits(documents, labels, REGULARISATION)
    # Calibrate on the messages the model will actually decide: the rules settle the rest.
    undecided = np.array([not flag for flag in settled])
    targets = np.array([classes.index(label) for label in labels])
    temperature = fit_temperature(logits[undecided], targets[undecided])
    vectorizer, model = _fit(documents, labels, REGULARISATION)
    names = vectorizer.get_feature_names_out()
    return {
        "format": FORMAT_VERSION,
        "trained_on": {"split": "train", "messages": len(rows)},
        "regularisation": REGULARISATION,
        "classes": [str(name) for name in model.classes_],
        "temperature": temperature,
        "intercept": [round(float(v), DECIMALS) for v in model.intercept_],
        "features": [str(name) for name in names],
        "idf": [round(float(v), DECIMALS) for v in vectorizer.idf_],
        "coef": [[round(float(v), DECIMALS) for v in row] for row in model.coef_.T],
    }


def tune(rows: Sequence[LabelledMessage]) -> None:
    documents, _ = featurise(rows)
    labels = [row.label for row in rows]
    for c in _TUNING_GRID:
        logits, classes = _out_of_fold_logits(documents, labels, c)
        targets = np.array([classes.index(label) for label in labels])
        t = fit_temperature(logits, targets)
        accuracy = float((logits.argmax(axis=1) == targets).mean())
        print(f"C={c:<5} oof accuracy {accuracy:.3f}  log-loss {_log_loss(logits, targets, t):.4f}")


def artifact_path() -> Path:
    return Path(__file__).parent / "data" / MODEL_FILE


def dump(artifact: dict[str, Any]) -> str:
    return json.dumps(artifact, separators=(",", ":")) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the shipped model is stale")
    parser.add_argument("--tune", action="store_true", help="print cross-validated log-loss")
    args = parser.parse_args(argv)
    rows = load_dataset("train")
    if args.tune:
        tune(rows)
        return 0
    artifact = build_artifact(rows)
    if args.check:
        if dump(artifact) != dump(read_artifact()):
            print("the shipped triage model differs from a fresh build; rerun without --check")
            return 1
        print("the shipped triage model matches a fresh build")
        return 0
    artifact_path().write_text(dump(artifact), encoding="utf-8")
    print(
        f"wrote {artifact_path()} ({len(artifact['features'])} features, "
        f"temperature {artifact['temperature']})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

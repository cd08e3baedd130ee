"""The shipped model: rebuilt from the train split it matches, and it loads without sklearn."""

import subprocess
import sys

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from serve_app.domain.triage import TriageClassifier
from serve_app.domain.triage.dataset import load_dataset
from serve_app.domain.triage.linear_model import LinearModel, load_model, read_artifact
from serve_app.domain.triage.train import MIN_DOCUMENT_FREQUENCY, build_artifact, featurise


def test_shipped_artifact_matches_a_fresh_build() -> None:
    shipped = read_artifact()
    fresh = build_artifact(load_dataset("train"))
    assert fresh["features"] == shipped["features"]
    assert fresh["classes"] == shipped["classes"]
    assert fresh["temperature"] == pytest.approx(shipped["temperature"])
    for key in ("idf", "coef", "intercept"):
        assert np.allclose(fresh[key], shipped[key], atol=1e-5), key


def test_scorer_weights_equal_scikit_learn_tfidf() -> None:
    documents, _ = featurise(load_dataset("train"))
    vectorizer = TfidfVectorizer(
        analyzer=lambda document: document, sublinear_tf=True, min_df=MIN_DOCUMENT_FREQUENCY
    )
    expected = vectorizer.fit_transform(documents)
    model = load_model()
    for row, document in enumerate(documents[:50]):
        indices, weights = model.vector(document)
        dense = np.zeros(expected.shape[1])
        dense[indices] = weights
        assert np.allclose(dense, expected[row].toarray().ravel(), atol=1e-5)


def test_probabilities_are_a_distribution_over_the_routes() -> None:
    model = load_model()
    for features in ([], ["w:never-seen-feature"], ["w:exercise", "w:please"]):
        probabilities = model.probabilities(features)
        assert set(probabilities) == {"concepts", "debug", "exercise", "off_topic"}
        assert sum(probabilities.values()) == pytest.approx(1.0)


def test_an_artifact_of_another_format_is_refused() -> None:
    artifact = {**read_artifact(), "format": 99}
    with pytest.raises(ValueError, match="format"):
        LinearModel.from_artifact(artifact)


def test_a_model_with_other_classes_is_refused() -> None:
    model = LinearModel(
        classes=["a", "b"],
        features=["w:x"],
        idf=[1.0],
        coef=[[1.0, 0.0]],
        intercept=[0, 0],
        temperature=1.0,
    )
    with pytest.raises(ValueError, match="classes"):
        TriageClassifier(model=model)


def test_serving_path_does_not_import_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from serve_app.domain.triage import TriageClassifier\n"
        "TriageClassifier().classify('what is a list')\n"
        "assert 'sklearn' not in sys.modules, 'sklearn imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

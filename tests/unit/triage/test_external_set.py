"""The blind external triage set is well-formed and shares no message with the training data.

The external set was written by someone who never saw the training messages, so it is only a
fair yardstick while the two stay disjoint; these checks keep it that way as either file grows.
"""

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

DATA_DIR = Path(__file__).resolve().parents[3] / "serve_app" / "domain" / "triage" / "data"
EXTERNAL = DATA_DIR / "external.jsonl"
TRAINING = DATA_DIR / "messages.jsonl"

ROUTES = frozenset({"concepts", "debug", "exercise", "off_topic"})
FIELDS = frozenset({"text", "code", "previous_route", "route", "persona"})
MIN_MESSAGES = 200
MIN_PER_ROUTE = 40
MIN_PERSONAS = 8


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        assert isinstance(row, dict), f"{path.name}:{number} is not a JSON object"
        rows.append(row)
    return rows


def _normalise(text: str) -> str:
    # Case and spacing differences do not make a message new to the classifier.
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def external() -> list[dict[str, Any]]:
    return _read_jsonl(EXTERNAL)


def test_has_enough_messages(external: list[dict[str, Any]]) -> None:
    assert len(external) >= MIN_MESSAGES


def test_every_row_has_exactly_the_expected_fields_with_valid_values(
    external: list[dict[str, Any]],
) -> None:
    for index, row in enumerate(external):
        where = f"row {index}: {row.get('text')!r}"
        assert set(row) == FIELDS, where
        assert isinstance(row["text"], str), where
        assert row["text"].strip(), where
        assert row["code"] is None or (isinstance(row["code"], str) and row["code"].strip()), where
        assert row["previous_route"] is None or row["previous_route"] in ROUTES, where
        assert row["route"] in ROUTES, where
        assert isinstance(row["persona"], str), where
        assert row["persona"].strip(), where


def test_each_route_is_well_represented(external: list[dict[str, Any]]) -> None:
    counts = Counter(row["route"] for row in external)
    assert set(counts) == ROUTES
    thin = {route: n for route, n in counts.items() if n < MIN_PER_ROUTE}
    assert not thin, thin


def test_written_in_enough_voices(external: list[dict[str, Any]]) -> None:
    assert len({row["persona"] for row in external}) >= MIN_PERSONAS


def test_set_covers_follow_ups_and_pasted_code(external: list[dict[str, Any]]) -> None:
    # Follow-ups and code-bearing messages are the hard cases; a set without them measures little.
    assert {row["previous_route"] for row in external} >= ROUTES - {"off_topic"}
    assert sum(row["code"] is not None for row in external) >= 20


def test_no_duplicate_texts(external: list[dict[str, Any]]) -> None:
    counts = Counter(_normalise(row["text"]) for row in external)
    duplicates = [text for text, n in counts.items() if n > 1]
    assert not duplicates, duplicates


def test_no_external_text_appears_in_training_messages(external: list[dict[str, Any]]) -> None:
    training_texts = {
        _normalise(row["text"]) for row in _read_jsonl(TRAINING) if isinstance(row.get("text"), str)
    }
    # An empty set here would mean the training file's shape changed and this check went blind.
    assert training_texts
    leaked = [row["text"] for row in external if _normalise(row["text"]) in training_texts]
    assert not leaked, leaked

"""The labelled dataset: size, coverage and a fixed split that keeps authors apart."""

import hashlib
from collections import Counter

from serve_app.domain.topics import ROUTES
from serve_app.domain.triage.dataset import SPLITS, load_dataset


def test_dataset_is_large_and_covers_every_route_in_both_splits() -> None:
    rows = load_dataset()
    assert len(rows) >= 700
    for split in ("train", "heldout"):
        counts = Counter(row.label for row in rows if row.split == split)
        assert set(counts) == set(ROUTES)
        assert min(counts.values()) >= 40


def test_split_is_about_seventy_thirty_for_every_route() -> None:
    rows = load_dataset()
    for route in ROUTES:
        labelled = [row for row in rows if row.label == route]
        share = sum(row.split == "heldout" for row in labelled) / len(labelled)
        assert 0.2 <= share <= 0.35, (route, share)


def test_no_author_writes_in_both_splits() -> None:
    authors: dict[str, set[str]] = {}
    for row in load_dataset():
        authors.setdefault(row.author, set()).add(row.split)
    assert all(len(splits) == 1 for splits in authors.values()), authors


def test_held_out_messages_never_appear_in_training() -> None:
    train = {(row.text.strip().lower(), row.code) for row in load_dataset("train")}
    held_out = [(row.text.strip().lower(), row.code) for row in load_dataset("heldout")]
    assert not [key for key in held_out if key in train]


def test_ids_are_unique_and_the_dataset_has_the_realistic_shapes() -> None:
    rows = load_dataset()
    assert len({row.id for row in rows}) == len(rows)
    assert sum(row.code is not None for row in rows) >= 80
    assert sum("Traceback (most recent call last)" in f"{row.text}{row.code}" for row in rows) >= 15
    assert sum(row.previous_route is not None for row in rows) >= 200
    assert sum(len(row.text.split()) <= 3 for row in rows) >= 60
    assert sum(len(row.text.split()) >= 20 for row in rows) >= 15


def test_the_folded_blind_set_keeps_its_personas_and_splits_them_by_hash() -> None:
    folded = [row for row in load_dataset() if row.id.startswith("x1-")]
    personas = sorted(
        {row.author for row in folded}, key=lambda name: hashlib.sha256(name.encode()).hexdigest()
    )
    assert len(personas) >= 8
    expected = {name: SPLITS[index % 2] for index, name in enumerate(personas)}
    assert all(row.split == expected[row.author] for row in folded)

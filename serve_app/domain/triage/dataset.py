"""The labelled triage dataset: student messages with their route and a fixed split.

`data/messages.jsonl` holds one message per line: `id`, `author` (the voice it was written
in), `text`, optional `code` and `previous_route`, `label` and `split` (`train` or
`heldout`). The split is by author, so held-out messages are phrasings the model never saw;
it is fixed in the file and never recomputed.

A blind set written by someone else (`data/external.jsonl`, one `persona` per line) is first
only reported by the benchmark, then folded in as new voices: `author` keeps the persona,
ids get a fresh prefix (`x1-` for the first set) and the personas, ordered by the SHA-256 of
their name, alternate between `train` and `heldout`, so about half of them stay unseen.
"""

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Final, Literal

from serve_app.domain.topics import ROUTES

Split = Literal["train", "heldout"]
SPLITS: Final[tuple[str, ...]] = ("train", "heldout")
DATASET_FILE: Final = "messages.jsonl"


@dataclass(frozen=True, slots=True)
class LabelledMessage:
    id: str
    author: str
    text: str
    code: str | None
    previous_route: str | None
    label: str
    split: str


def _parse(line_number: int, line: str) -> LabelledMessage:
    record = json.loads(line)
    message = LabelledMessage(
        id=str(record["id"]),
        author=str(record["author"]),
        text=str(record["text"]),
        code=record.get("code"),
        previous_route=record.get("previous_route"),
        label=str(record["label"]),
        split=str(record["split"]),
    )
    if message.label not in ROUTES:
        raise ValueError(f"line {line_number}: unknown label {message.label!r}")
    if message.split not in SPLITS:
        raise ValueError(f"line {line_number}: unknown split {message.split!r}")
    if message.previous_route is not None and message.previous_route not in ROUTES:
        raise ValueError(f"line {line_number}: unknown previous_route {message.previous_route!r}")
    return message


def load_dataset(split: Split | None = None) -> list[LabelledMessage]:
    """Every labelled message, or only those of one split, in file order."""
    text = (files("serve_app.domain.triage.data") / DATASET_FILE).read_text(encoding="utf-8")
    messages = [
        _parse(number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    return [m for m in messages if split is None or m.split == split]

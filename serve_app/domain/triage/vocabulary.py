"""Word lists behind the signals, loaded from `data/`: concepts by topic, programming words,
off-topic subjects, greetings, and the typo corrector's targets and protected words.

Phrase lists hold regular-expression fragments matched as whole words on normalised text.
"""

import builtins
import re
from importlib.resources import files
from typing import Final

from serve_app.domain.topics import TOPICS

_DATA: Final = files("serve_app.domain.triage.data")


def _entries(name: str) -> list[str]:
    """One entry per non-blank line, '#' comment lines skipped."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _sections(name: str) -> dict[str, tuple[str, ...]]:
    """Entries grouped under '[section]' header lines."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for entry in _entries(name):
        if entry.startswith("[") and entry.endswith("]"):
            current = sections.setdefault(entry[1:-1], [])
        elif current is None:
            raise ValueError(f"{name}: entry {entry!r} before the first [section]")
        else:
            current.append(entry)
    return {section: tuple(items) for section, items in sections.items()}


def _words(name: str) -> frozenset[str]:
    return frozenset(word for entry in _entries(name) for word in entry.split())


TOPIC_PHRASES: Final[dict[str, tuple[str, ...]]] = _sections("topic_phrases.txt")
if set(TOPIC_PHRASES) != set(TOPICS):
    raise ValueError("topic_phrases.txt must have one section per topic in TOPICS")

EVERYDAY_TOPIC_WORDS: Final[frozenset[str]] = frozenset(_entries("everyday_topic_words.txt"))
PROGRAMMING_PHRASES: Final[tuple[str, ...]] = tuple(_entries("programming_phrases.txt"))
OFF_TOPIC_PHRASES: Final[tuple[str, ...]] = tuple(_entries("off_topic_phrases.txt"))

_GREETINGS: Final = _sections("greeting_words.txt")
# A pleasantry-only message is a greeting when it holds one of these, not just "ok".
GREETING_TRIGGERS: Final[frozenset[str]] = frozenset(_GREETINGS["triggers"])
GREETING_WORDS: Final[frozenset[str]] = GREETING_TRIGGERS | frozenset(_GREETINGS["pleasantries"])


def _camel_parts(name: str) -> list[str]:
    return re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", name)


# Too generic to mean "I hit an error": "what is an exception" is a concept question.
_GENERIC_EXCEPTIONS: Final = frozenset({"BaseException", "Exception", "Warning"})

EXCEPTION_NAMES: Final[tuple[str, ...]] = tuple(
    sorted(
        name
        for name, value in vars(builtins).items()
        if isinstance(value, type)
        and issubclass(value, BaseException)
        and name not in _GENERIC_EXCEPTIONS
    )
)

# "IndexError", "index error" and "index_error" all name the same exception.
EXCEPTION_NAME_FRAGMENTS: Final[tuple[str, ...]] = tuple(
    r"[ _]?".join(part.lower() for part in _camel_parts(name)) for name in EXCEPTION_NAMES
)

# The concept a student who hits this exception most likely needs.
EXCEPTION_TOPICS: Final[dict[str, str]] = {
    "indexerror": "lists",
    "keyerror": "dicts",
    "recursionerror": "recursion",
    "filenotfounderror": "files",
    "isadirectoryerror": "files",
    "permissionerror": "files",
    "unicodedecodeerror": "files",
    "nameerror": "variables",
    "unboundlocalerror": "variables",
    "attributeerror": "classes",
    "stopiteration": "iterators",
    "modulenotfounderror": "modules",
    "importerror": "modules",
    "zerodivisionerror": "variables",
    "indentationerror": "conditionals",
}

FUZZY_TARGETS: Final[frozenset[str]] = _words("fuzzy_targets.txt") | frozenset(
    name.lower() for name in EXCEPTION_NAMES
)
PROTECTED_WORDS: Final[frozenset[str]] = _words("protected_words.txt")

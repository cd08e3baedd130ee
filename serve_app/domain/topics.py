"""The curriculum's topics: the shared vocabulary of concepts, exercises and mastery."""

from typing import Final, Literal

Topic = Literal[
    "variables",
    "strings",
    "conditionals",
    "loops",
    "lists",
    "tuples",
    "dicts",
    "sets",
    "functions",
    "recursion",
    "comprehensions",
    "exceptions",
    "files",
    "classes",
    "iterators",
    "modules",
    "algorithms",
]

TOPICS: Final[tuple[str, ...]] = Topic.__args__  # type: ignore[attr-defined]

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: Final[tuple[str, ...]] = ("easy", "medium", "hard")

Level = Literal["beginner", "intermediate", "advanced"]
LEVELS: Final[tuple[str, ...]] = ("beginner", "intermediate", "advanced")

Route = Literal["concepts", "debug", "exercise", "off_topic"]
ROUTES: Final[tuple[str, ...]] = ("concepts", "debug", "exercise", "off_topic")

"""What the Concepts engine knows (cards) and what it answers (explanations)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

ExplanationSource = Literal["card", "python-docs", "none"]


@dataclass(frozen=True)
class ConceptCard:
    """One curated concept, written at three levels, with a runnable example."""

    concept_id: str  # slug, e.g. "list-comprehensions"
    title: str  # "List comprehensions"
    topic: str  # a TOPICS value
    keywords: tuple[str, ...]  # terms and synonyms students use ("listcomp", "one-line for loop")
    explanations: Mapping[str, str]  # level -> markdown explanation
    example_code: str  # runnable, stdlib only, deterministic
    example_output: str  # the exact stdout of example_code
    check_question: str
    check_answer: str
    # Regexes a correct free-text answer must all match (see answer_matching): how a short
    # answer such as "float" is graded without an LLM.
    check_accepts: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    references: tuple[str, ...]  # docs.python.org URLs
    # Regexes for known wrong answers that would otherwise match every accept ("int or float").
    check_rejects: tuple[str, ...] = ()
    # How students describe the concept without knowing its name ("phone book", "look up by
    # name" for dicts): retrieval evidence only, never shown and never used to judge an answer.
    student_phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Explanation:
    """The engine's answer to one question at one level."""

    concept: str  # card title (or the pydoc topic name for fallbacks)
    concept_id: str | None
    topic: str | None
    level: str
    explanation: str  # markdown
    example_code: str
    example_output: str
    check_question: str
    references: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    source: ExplanationSource
    score: float  # retrieval confidence 0-1

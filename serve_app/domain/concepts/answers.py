"""Builds the Explanation for each kind of answer: a card, the Python docs, or nothing."""

from collections.abc import Sequence
from typing import Final

from serve_app.domain.concepts.models import ConceptCard, Explanation
from serve_app.domain.concepts.python_docs import DocsEntry

# An explicit name ("the `del` statement") is a surer match than a word that merely appears.
EXPLICIT_DOCS_SCORE: Final = 0.8
IMPLICIT_DOCS_SCORE: Final = 0.6
TUTORIAL_URL: Final = "https://docs.python.org/3/tutorial/index.html"


def from_card(card: ConceptCard, level: str, score: float) -> Explanation:
    return Explanation(
        concept=card.title,
        concept_id=card.concept_id,
        topic=card.topic,
        level=level,
        explanation=card.explanations[level],
        example_code=card.example_code,
        example_output=card.example_output,
        check_question=card.check_question,
        references=card.references,
        common_mistakes=card.common_mistakes,
        source="card",
        score=score,
    )


def from_docs(entry: DocsEntry, level: str) -> Explanation:
    subject = f"`{entry.name}`"
    text = (
        f"Here is what the Python documentation says about {subject}"
        + (f" ({entry.heading})" if entry.heading and entry.heading != entry.name else "")
        + ":\n\n"
        + f"```text\n{entry.text}\n```\n\n"
        + f"Read the full entry at {entry.url}. There is no guided lesson on {subject} yet, "
        + "so this is the reference text exactly as it ships with Python."
    )
    return Explanation(
        concept=entry.name,
        concept_id=None,
        topic=None,
        level=level,
        explanation=text,
        example_code="",
        example_output="",
        check_question="",
        references=(entry.url,),
        common_mistakes=(),
        source="python-docs",
        score=EXPLICIT_DOCS_SCORE if entry.explicit else IMPLICIT_DOCS_SCORE,
    )


def nothing_found(
    level: str,
    *,
    near_misses: Sequence[ConceptCard],
    overview: Sequence[ConceptCard],
    score: float,
) -> Explanation:
    lines = ["I could not match that question to a Python concept I can explain."]
    if near_misses:
        titles = ", ".join(f"*{card.title}*" for card in near_misses)
        lines.append(f"Did you mean one of these? {titles}")
    lines.append("Here are some of the topics I can explain:")
    lines.append("\n".join(f"- {card.title}" for card in overview))
    lines.append(
        'Try naming the concept, for example *"What is a list comprehension?"* '
        'or *"How does `try`/`except` work?"*.'
    )
    return Explanation(
        concept="No matching concept",
        concept_id=None,
        topic=None,
        level=level,
        explanation="\n\n".join(lines),
        example_code="",
        example_output="",
        check_question="",
        references=(TUTORIAL_URL,),
        common_mistakes=(),
        source="none",
        score=score,
    )

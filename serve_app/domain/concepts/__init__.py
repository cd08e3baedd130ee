"""The Concepts service's local engine: curated cards, BM25 retrieval, Python-docs fallback.

`KnowledgeBase` is imported lazily: grading check answers (checking.py) needs only the cards,
and should not pull the ranking stack (rank_bm25, numpy) into every process that grades.
"""

from typing import TYPE_CHECKING

from serve_app.domain.concepts.errors import (
    CardValidationError,
    ConceptsError,
    UnknownConcept,
    UnknownLevelError,
)
from serve_app.domain.concepts.models import ConceptCard, Explanation, ExplanationSource

if TYPE_CHECKING:
    from serve_app.domain.concepts.knowledge_base import KnowledgeBase

__all__ = [
    "CardValidationError",
    "ConceptCard",
    "ConceptsError",
    "Explanation",
    "ExplanationSource",
    "KnowledgeBase",
    "UnknownConcept",
    "UnknownLevelError",
]


def __getattr__(name: str) -> object:
    if name == "KnowledgeBase":
        from serve_app.domain.concepts.knowledge_base import KnowledgeBase

        return KnowledgeBase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The Concepts service's local engine: curated cards, BM25 retrieval, Python-docs fallback."""

from serve_app.domain.concepts.errors import (
    CardValidationError,
    ConceptsError,
    UnknownLevelError,
)
from serve_app.domain.concepts.knowledge_base import KnowledgeBase
from serve_app.domain.concepts.models import ConceptCard, Explanation, ExplanationSource

__all__ = [
    "CardValidationError",
    "ConceptCard",
    "ConceptsError",
    "Explanation",
    "ExplanationSource",
    "KnowledgeBase",
    "UnknownLevelError",
]

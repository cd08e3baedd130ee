"""Errors the Concepts engine raises; the HTTP layer decides what status they become."""

from collections.abc import Sequence


class ConceptsError(Exception):
    """Base class for every error of the Concepts engine."""


class CardValidationError(ConceptsError, ValueError):
    """The card catalogue is inconsistent; raised at load time, never per request."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("invalid concept cards: " + "; ".join(self.problems))


class UnknownLevelError(ConceptsError, ValueError):
    """An explanation level outside LEVELS was requested."""

    def __init__(self, level: str, known: Sequence[str]) -> None:
        self.level = level
        super().__init__(f"unknown level {level!r}; expected one of {', '.join(known)}")


class UnknownConcept(ConceptsError, LookupError):
    """No card has the requested concept id."""

    def __init__(self, concept_id: str) -> None:
        self.concept_id = concept_id
        super().__init__(f"unknown concept {concept_id!r}")

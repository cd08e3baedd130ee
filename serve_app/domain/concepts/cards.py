"""The whole card catalogue, in curriculum order."""

from serve_app.domain.concepts import (
    cards_algorithms,
    cards_basics,
    cards_classes,
    cards_collections,
    cards_control_flow,
    cards_errors_files_modules,
    cards_functions,
    cards_iteration,
)
from serve_app.domain.concepts.models import ConceptCard

ALL_CARDS: tuple[ConceptCard, ...] = (
    *cards_basics.CARDS,
    *cards_collections.CARDS,
    *cards_control_flow.CARDS,
    *cards_functions.CARDS,
    *cards_iteration.CARDS,
    *cards_errors_files_modules.CARDS,
    *cards_classes.CARDS,
    *cards_algorithms.CARDS,
)

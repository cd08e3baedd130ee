"""TypeError: an operation got a value of the wrong type.

Importing the modules below registers their explainers, grouped by situation. Their message
patterns never match the same message, so the order they register in does not matter.
"""

from serve_app.domain.debug.explainers.type_errors import (
    callables,
    concatenation,
    immutable_values,
    iterables,
    operators,
    whole_numbers,
)
from serve_app.domain.debug.explainers.type_errors.type_words import describe

__all__ = [
    "callables",
    "concatenation",
    "describe",
    "immutable_values",
    "iterables",
    "operators",
    "whole_numbers",
]

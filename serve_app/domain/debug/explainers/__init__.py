"""Beginner-friendly explanations, one small explainer per (exception type, message pattern).

Importing the modules below registers their explainers; the order only matters between
explainers of the same type, and each explainer declines what is not its own.
"""

from serve_app.domain.debug.explainers import (
    arithmetic,
    attribute_errors,
    calls,
    general,
    imports_files,
    iteration,
    lookup_errors,
    name_errors,
    none_values,
    syntax_errors,
    type_errors,
    value_errors,
)
from serve_app.domain.debug.explainers.general import generic
from serve_app.domain.debug.explainers.registry import (
    Context,
    Explanation,
    explain,
    registered_types,
)

__all__ = [
    "Context",
    "Explanation",
    "arithmetic",
    "attribute_errors",
    "calls",
    "explain",
    "general",
    "generic",
    "imports_files",
    "iteration",
    "lookup_errors",
    "name_errors",
    "none_values",
    "registered_types",
    "syntax_errors",
    "type_errors",
    "value_errors",
]

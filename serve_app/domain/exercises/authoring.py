"""Small helpers that keep the catalog modules readable: indented source in, clean source out."""

import textwrap

from serve_app.domain.exercises.models import Example
from serve_app.domain.sandbox.models import TestCase


def code(source: str) -> str:
    """Dedent an indented triple-quoted block so catalog entries can sit at their nesting."""
    return textwrap.dedent(source).strip("\n") + "\n"


def tests(*cases: tuple[str, str]) -> tuple[TestCase, ...]:
    """Build hidden tests from (descriptive name, test source) pairs."""
    return tuple(TestCase(name=name, code=code(source)) for name, source in cases)


def examples(*pairs: tuple[str, str]) -> tuple[Example, ...]:
    """Build examples from (call, result) pairs."""
    return tuple(Example(call=call, result=result) for call, result in pairs)


def variants(*values: dict[str, str]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Build an exercise's variants from {placeholder: replacement text} dicts."""
    return tuple(tuple(sorted(mapping.items())) for mapping in values)

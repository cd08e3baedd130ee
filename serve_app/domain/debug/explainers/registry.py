"""The table of explainers: small functions keyed by exception type and message pattern.

Lookup order for a problem of type T:
  1. rules that apply to any type and ask to go first (e.g. an explicit `raise` in the code);
  2. T's rules with a message pattern, in registration order, then T's rules without one;
  3. the same for each builtin base class of T (FileNotFoundError -> OSError -> Exception).
An explainer returns None when the situation is not really its own, and lookup moves on.
"""

import ast
import builtins
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from serve_app.domain.debug.logic_slips import Finding
from serve_app.domain.debug.models import Problem
from serve_app.domain.debug.names import defined_names
from serve_app.domain.debug.source import Source
from serve_app.domain.debug.values import Values
from serve_app.domain.topics import Topic

N = TypeVar("N", bound=ast.AST)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explanation:
    summary: str
    hints: tuple[str, str, str]  # what & where -> why here -> how to fix in general
    topic: Topic
    solution: str | None = None


@dataclass
class Context:
    """Everything an explainer may look at."""

    source: Source
    problem: Problem
    findings: tuple[Finding, ...] = ()
    stdin: str = ""
    stdout: str = ""
    values: Values = field(init=False)

    def __post_init__(self) -> None:
        self.values = Values(self.source, self.problem.locals)

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def line_text(self) -> str:
        """The failing line as written, or as the pasted traceback showed it."""
        text = self.source.line(self.problem.line).strip()
        return text or (self.problem.source_line or "")

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line else "your code"

    @property
    def at(self) -> str:
        """ "Line 3 (`x = y[0]`)" for hint texts."""
        if self.line and self.line_text:
            return f"Line {self.line} (`{self.line_text}`)"
        return "The failing line" if not self.line else f"Line {self.line}"

    def nodes(self, kind: type[N]) -> list[N]:
        return self.source.nodes_at(self.problem.line, kind)

    @cached_property
    def defined(self) -> dict[str, int]:
        return defined_names(self.source)

    def finding(self, *kinds: str) -> Finding | None:
        return next((f for f in self.findings if f.kind in kinds), None)


Explainer = Callable[[Context, re.Match[str]], Explanation | None]


@dataclass(frozen=True)
class Rule:
    types: frozenset[str]  # empty: any type
    pattern: re.Pattern[str] | None
    explain: Explainer
    first: bool


_RULES: list[Rule] = []
_ANYTHING = re.compile("")


def explains(
    *types: str, pattern: str | None = None, first: bool = False
) -> Callable[[Explainer], Explainer]:
    """Register an explainer for these exception types (and message pattern, if given)."""

    def register(function: Explainer) -> Explainer:
        compiled = re.compile(pattern, re.DOTALL) if pattern is not None else None
        _RULES.append(Rule(frozenset(types), compiled, function, first))
        return function

    return register


def lineage(type_name: str) -> list[str]:
    """The type and its builtin base classes, most specific first."""
    cls = getattr(builtins, type_name, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        return [type_name]
    return [
        base.__name__
        for base in cls.__mro__
        if issubclass(base, BaseException) and base is not BaseException
    ]


def candidate_rules(type_name: str) -> list[Rule]:
    ordered = [rule for rule in _RULES if rule.first and not rule.types]
    for name in lineage(type_name):
        ordered += [r for r in _RULES if name in r.types and r.pattern is not None]
        ordered += [r for r in _RULES if name in r.types and r.pattern is None]
    return ordered


def explain(context: Context) -> Explanation | None:
    message = context.problem.message
    for rule in candidate_rules(context.problem.type):
        match = rule.pattern.search(message) if rule.pattern else _ANYTHING.match(message)
        if match is None:
            continue
        try:
            explanation = rule.explain(context, match)
        except Exception:
            # Student code can be arbitrarily odd; a bug in one explainer must not cost the
            # student an answer, so log it and let the next rule (or the fallback) answer.
            logger.exception("debug explainer %s failed", rule.explain.__name__)
            continue
        if explanation is not None:
            return explanation
    return None


def registered_types() -> frozenset[str]:
    return frozenset(name for rule in _RULES for name in rule.types)

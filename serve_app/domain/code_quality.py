"""A code-quality signal for student code: pyflakes plus a few `ast` checks for beginners.

Nothing here executes the code. pyflakes works on the syntax tree in-process; the extra checks
walk the same tree. The score starts at 1 and each finding takes off its weight, so one small
slip costs little and a page of them drives the score to 0.
"""

import ast
import builtins
from dataclasses import dataclass
from typing import Final

from pyflakes import checker, messages

MAX_FUNCTION_STATEMENTS: Final = 30  # beyond this a function wants splitting
MAX_NESTING: Final = 4  # blocks inside blocks inside ...
MAX_FINDINGS: Final = 20

_MINOR: Final = 0.05  # style: noise, not bugs
_MAJOR: Final = 0.15  # likely bugs or confusing code
_SHADOWABLE: Final = frozenset(
    name for name in dir(builtins) if not name.startswith("_") and name[0].islower()
) - {"copyright", "credits", "license", "exit", "quit"}
# pyflakes messages that point at real bugs weigh more than those that are only untidy.
_BUG_MESSAGES: tuple[type[messages.Message], ...] = (
    messages.UndefinedName,
    messages.UndefinedLocal,
    messages.RedefinedWhileUnused,
    messages.DuplicateArgument,
    messages.MultiValueRepeatedKeyLiteral,
    messages.IsLiteral,
)


@dataclass(frozen=True)
class Finding:
    line: int
    message: str
    weight: float = _MINOR


@dataclass(frozen=True)
class QualityReport:
    score: float  # 0-1
    findings: tuple[Finding, ...]


def assess_quality(source: str) -> QualityReport:
    """Score and findings for `source`; unparsable code scores 0 with one finding."""
    try:
        tree = ast.parse(source)
        findings = _pyflakes_findings(tree) + _ast_findings(tree)
    except SyntaxError as exc:
        return QualityReport(0.0, (Finding(exc.lineno or 1, f"syntax error: {exc.msg}", 1.0),))
    except (RecursionError, MemoryError, ValueError):
        # Pathologically nested code: deep enough to exhaust the checkers is itself the finding.
        return QualityReport(0.0, (Finding(1, "the code is nested too deeply to read", 1.0),))
    findings.sort(key=lambda f: f.line)
    penalty = sum(f.weight for f in findings)
    return QualityReport(round(max(0.0, 1.0 - penalty), 2), tuple(findings[:MAX_FINDINGS]))


def _pyflakes_findings(tree: ast.Module) -> list[Finding]:
    found = checker.Checker(tree, filename="<student>")
    return [
        Finding(
            line=int(message.lineno),
            message=message.message % message.message_args,
            weight=_MAJOR if isinstance(message, _BUG_MESSAGES) else _MINOR,
        )
        for message in found.messages
    ]


def _ast_findings(tree: ast.Module) -> list[Finding]:
    findings: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            findings.extend(_function_findings(node))
        elif isinstance(node, ast.ExceptHandler) and node.type is None:
            findings.append(
                Finding(
                    node.lineno,
                    "bare `except:` also catches typos and Ctrl-C; name the exception",
                    _MAJOR,
                )
            )
        elif isinstance(node, ast.Compare):
            findings.extend(_none_comparisons(node))
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            findings.extend(_shadowing(node.id, node.lineno))
        elif isinstance(node, ast.ClassDef):
            findings.extend(_shadowing(node.name, node.lineno))
    return findings


def _function_findings(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Finding]:
    findings = list(_shadowing(node.name, node.lineno))
    args = node.args
    for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
        if arg is not None:
            findings.extend(_shadowing(arg.arg, arg.lineno))
    for default in (*args.defaults, *(d for d in args.kw_defaults if d is not None)):
        if isinstance(default, ast.List | ast.Dict | ast.Set):
            findings.append(
                Finding(
                    default.lineno,
                    f"mutable default argument in `{node.name}`: it is shared between calls; "
                    "use None and create it inside",
                    _MAJOR,
                )
            )
    statements = sum(
        1 for child in ast.walk(node) if isinstance(child, ast.stmt) and child is not node
    )
    if statements > MAX_FUNCTION_STATEMENTS:
        findings.append(
            Finding(
                node.lineno,
                f"`{node.name}` has {statements} statements; split it into smaller functions "
                f"(at most {MAX_FUNCTION_STATEMENTS})",
            )
        )
    depth, line = _deepest_block(node.body, 1)
    if depth > MAX_NESTING:
        findings.append(
            Finding(
                line,
                f"blocks nested {depth} deep in `{node.name}`; return early or extract a helper",
            )
        )
    return findings


_BLOCKS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)


def _deepest_block(body: list[ast.stmt], depth: int) -> tuple[int, int]:
    """(deepest nesting of blocks, the line where it happens) below `body` at `depth`."""
    deepest, where = depth - 1, 0
    for statement in body:
        if not isinstance(statement, _BLOCKS):
            continue
        inner: list[ast.stmt] = []
        for field in ("body", "orelse", "finalbody"):
            inner.extend(getattr(statement, field, []))
        for handler in getattr(statement, "handlers", []):
            inner.extend(handler.body)
        found, line = _deepest_block(inner, depth + 1)
        if max(found, depth) > deepest:
            deepest, where = max(found, depth), line or statement.lineno
    return deepest, where


def _none_comparisons(node: ast.Compare) -> list[Finding]:
    operands = [node.left, *node.comparators]
    for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
        is_none = any(isinstance(x, ast.Constant) and x.value is None for x in (left, right))
        if is_none and isinstance(op, ast.Eq | ast.NotEq):
            return [Finding(node.lineno, "compare with None using `is` / `is not`, not `==`")]
    return []


def _shadowing(name: str, line: int) -> list[Finding]:
    if name in _SHADOWABLE:
        return [
            Finding(
                line,
                f"`{name}` hides Python's built-in `{name}`; choose another name",
            )
        ]
    return []

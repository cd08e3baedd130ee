"""What a variable held when the error happened: from the sandbox's captured reprs when
available, otherwise from a literal the code assigns once and never changes.

Nothing here ever executes student code: reprs go through `ast.literal_eval`, and
expressions through a tiny evaluator that knows only arithmetic, names and `len()`.
"""

import ast
import operator
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

from serve_app.domain.debug.source import Source


class Unknown(Enum):
    VALUE = "unknown"


UNKNOWN = Unknown.VALUE

_MUTATORS = frozenset(
    {
        "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault",
        "popitem", "add", "discard", "sort", "reverse",
    }
)  # fmt: skip

_BINARY: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Div: operator.truediv,
}


def literal(text: str) -> object | Unknown:
    try:
        return ast.literal_eval(text)  # type: ignore[no-any-return]
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return UNKNOWN


def dict_keys_from_repr(text: str) -> list[object] | Unknown:
    """Keys of a dict repr even when its values are not literals (e.g. objects)."""
    value = literal(text)
    if isinstance(value, dict):
        return list(value)
    tree = _parse_expression(text)
    if isinstance(tree, ast.Dict):
        keys = [literal(ast.unparse(key)) for key in tree.keys if key is not None]
        if all(key is not UNKNOWN for key in keys):
            return keys
    return UNKNOWN


def _parse_expression(text: str) -> ast.expr | None:
    try:
        return ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


class Values:
    """Known values of names at the failing line."""

    def __init__(self, source: Source, local_reprs: Mapping[str, str]) -> None:
        self._source = source
        self._reprs = dict(local_reprs)

    def repr_of(self, name: str) -> str | None:
        return self._reprs.get(name)

    def of(self, name: str) -> object | Unknown:
        if name in self._reprs:
            return literal(self._reprs[name])
        return self._static_literal(name)

    def dict_keys(self, name: str) -> list[object] | Unknown:
        if name in self._reprs:
            return dict_keys_from_repr(self._reprs[name])
        value = self._static_literal(name)
        return list(value) if isinstance(value, dict) else UNKNOWN

    def _static_literal(self, name: str) -> object | Unknown:
        """A literal bound once at module level and never mutated or rebound."""
        bindings: list[ast.expr] = []
        for node in self._source.walk():
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        bindings.append(node.value)
                    elif _binds(target, name):
                        return UNKNOWN
            elif _changes(node, name):
                return UNKNOWN
        if len(bindings) != 1:
            return UNKNOWN
        return literal(ast.unparse(bindings[0]))

    def evaluate(self, node: ast.expr) -> object | Unknown:
        """Evaluate simple arithmetic over known names; UNKNOWN for anything else."""
        try:
            return self._eval(node)
        except (ArithmeticError, TypeError, ValueError, RecursionError):
            return UNKNOWN

    def _eval(self, node: ast.expr) -> object | Unknown:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return self.of(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            operand = self._eval(node.operand)
            return UNKNOWN if operand is UNKNOWN else -operand  # type: ignore[operator]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left, right = self._eval(node.left), self._eval(node.right)
            # Numbers only: `"a" * 10**9` must not build a huge string in our process.
            if not (_is_number(left) and _is_number(right)):
                return UNKNOWN
            result: object = _BINARY[type(node.op)](left, right)
            return result
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "len"
            and len(node.args) == 1
        ):
            inner = self._eval(node.args[0])
            if isinstance(inner, str | list | tuple | dict | set):
                return len(inner)
        return UNKNOWN


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _changes(node: ast.AST, name: str) -> bool:
    """Whether `node` rebinds or mutates `name` (anything but a plain `name = ...`)."""
    if isinstance(node, ast.AugAssign | ast.AnnAssign | ast.For | ast.comprehension):
        return _binds(node.target, name)
    if isinstance(node, ast.Call):
        return _is_mutation_of(node, name)
    if isinstance(node, ast.Subscript | ast.Delete):
        return _stores_into(node, name)
    return isinstance(node, ast.arg) and node.arg == name


def _binds(target: ast.expr, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def _is_mutation_of(call: ast.Call, name: str) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in _MUTATORS
        and isinstance(func.value, ast.Name)
        and func.value.id == name
    )


def _stores_into(node: ast.Subscript | ast.Delete, name: str) -> bool:
    if isinstance(node, ast.Delete):
        return any(_binds(target, name) for target in node.targets)
    return (
        isinstance(node.ctx, ast.Store | ast.Del)
        and isinstance(node.value, ast.Name)
        and node.value.id == name
    )

"""Which names the student's code defines, and the closest one to a misspelling."""

import ast
import builtins
import difflib
import sys
from collections.abc import Iterable

from serve_app.domain.debug.source import Source

BUILTIN_NAMES: frozenset[str] = frozenset(
    name for name in dir(builtins) if not name.startswith("_")
)
STDLIB_MODULES: frozenset[str] = frozenset(
    name for name in sys.stdlib_module_names if not name.startswith("_")
)

# Words students borrow from other languages, mapped to the Python spelling.
OTHER_LANGUAGE_WORDS: dict[str, str] = {
    "true": "True",
    "false": "False",
    "null": "None",
    "none": "None",
    "nil": "None",
    "this": "self",
    "println": "print",
    "printf": "print",
    "echo": "print",
    "length": "len",
    "lenght": "len",
    "size": "len",
    "string": "str",
    "integer": "int",
    "boolean": "bool",
}


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The most similar candidate; a case-only difference always wins."""
    pool = sorted({c for c in candidates if c != word})
    for candidate in pool:
        if candidate.lower() == word.lower():
            return candidate
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def defined_names(source: Source) -> dict[str, int]:
    """Every name the code binds, with the first line that binds it."""
    found: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        if name not in found or line < found[name]:
            found[name] = line

    for node in source.walk():
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            add(node.id, node.lineno)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            add(node.name, node.lineno)
        elif isinstance(node, ast.arg):
            add(node.arg, node.lineno)
        elif isinstance(node, ast.alias):
            bound = node.asname or node.name.split(".")[0]
            if bound != "*":
                add(bound, node.lineno)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            add(node.name, node.lineno)
    return found

"""The student's source: parsing without side effects, and locating nodes by line."""

import ast
import warnings
from collections.abc import Iterator
from functools import cached_property
from typing import TypeVar

N = TypeVar("N", bound=ast.AST)

# The file name compile() reports; it matches what the sandbox runs.
STUDENT_FILE = "main.py"


def compile_quietly(code: str) -> None:
    """Compile to surface every SyntaxError, including those only the compiler raises.

    Warnings are silenced because code like `x is 5` warns at compile time, and a warning
    about the student's code must never become an error in ours.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        compile(code, STUDENT_FILE, "exec", dont_inherit=True)


def parse_quietly(code: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(code, STUDENT_FILE)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def parses(code: str) -> bool:
    try:
        compile_quietly(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def char_column(line_text: str, byte_offset: int) -> int:
    """ast column offsets count UTF-8 bytes; text edits need characters."""
    return len(line_text.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


class Source:
    """The code plus its tree (None when it does not parse)."""

    def __init__(self, code: str) -> None:
        self.code = code
        # Split on "\n" only, as the tokenizer does, so line numbers match the tree's.
        self.lines = [line.rstrip("\r") for line in code.split("\n")]
        self.tree = parse_quietly(code)

    def line(self, number: int | None) -> str:
        if number is None or not 1 <= number <= len(self.lines):
            return ""
        return self.lines[number - 1]

    def segment(self, node: ast.AST) -> str:
        text = ast.get_source_segment(self.code, node)
        return text if text is not None else ast.unparse(node)

    @cached_property
    def _all_nodes(self) -> tuple[ast.AST, ...]:
        return tuple(ast.walk(self.tree)) if self.tree is not None else ()

    def walk(self) -> Iterator[ast.AST]:
        yield from self._all_nodes

    def nodes(self, kind: type[N]) -> list[N]:
        return [node for node in self.walk() if isinstance(node, kind)]

    def nodes_at(self, line: int | None, kind: type[N]) -> list[N]:
        """Nodes of `kind` spanning `line`, innermost (smallest span) first."""
        if line is None:
            return []
        found = [node for node in self.nodes(kind) if _spans(node, line)]
        return sorted(found, key=_span_size)

    def statement_at(self, line: int | None) -> ast.stmt | None:
        statements = self.nodes_at(line, ast.stmt)
        return statements[0] if statements else None

    def enclosing_function(self, line: int | None) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        for node in self.nodes_at(line, ast.stmt):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                return node
        return None

    @cached_property
    def functions(self) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
        """Functions by plain name and, for methods, also by "Class.method"."""
        table: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        for node in self.walk():
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                        table[f"{node.name}.{item.name}"] = item
                        table.setdefault(item.name, item)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                table[node.name] = node
        return table

    @cached_property
    def classes(self) -> dict[str, ast.ClassDef]:
        return {node.name: node for node in self.nodes(ast.ClassDef)}

    def indentation(self, line: int) -> str:
        text = self.line(line)
        return text[: len(text) - len(text.lstrip())]

    @cached_property
    def _parents(self) -> dict[int, ast.AST]:
        table: dict[int, ast.AST] = {}
        for node in self.walk():
            for child in ast.iter_child_nodes(node):
                table[id(child)] = node
        return table

    def parent(self, node: ast.AST) -> ast.AST | None:
        return self._parents.get(id(node))


def _spans(node: ast.AST, line: int) -> bool:
    start: int | None = getattr(node, "lineno", None)
    if start is None:
        return False
    end: int = getattr(node, "end_lineno", None) or start
    return start <= line <= end


def _span_size(node: ast.AST) -> tuple[int, int]:
    lines = (getattr(node, "end_lineno", 0) or 0) - getattr(node, "lineno", 0)
    cols = (getattr(node, "end_col_offset", 0) or 0) - getattr(node, "col_offset", 0)
    return (lines, cols)

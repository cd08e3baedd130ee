"""Small text edits on the student's code, used to build corrected versions.

Edits work on the original text rather than `ast.unparse` so the student's comments,
spacing and blank lines survive in the proposed solution.
"""

import ast

from serve_app.domain.debug.source import char_column


def node_span(code: str, node: ast.AST) -> tuple[int, int, int, int]:
    """(start line, start char column, end line, end char column) of a node, 1-based lines."""
    lines = code.split("\n")
    start_line: int = getattr(node, "lineno", 1)
    end_line: int = getattr(node, "end_lineno", None) or start_line
    start_col = char_column(lines[start_line - 1], getattr(node, "col_offset", 0))
    end_col = char_column(lines[end_line - 1], getattr(node, "end_col_offset", 0) or 0)
    return start_line, start_col, end_line, end_col


def replace_span(code: str, start: tuple[int, int], end: tuple[int, int], replacement: str) -> str:
    """Replace the text between two (1-based line, char column) positions."""
    lines = code.split("\n")
    (start_line, start_col), (end_line, end_col) = start, end
    head = lines[start_line - 1][:start_col]
    tail = lines[end_line - 1][end_col:]
    new_lines = (head + replacement + tail).split("\n")
    return "\n".join(lines[: start_line - 1] + new_lines + lines[end_line:])


def replace_node(code: str, node: ast.AST, replacement: str) -> str:
    start_line, start_col, end_line, end_col = node_span(code, node)
    return replace_span(code, (start_line, start_col), (end_line, end_col), replacement)


def replace_nodes(code: str, nodes: list[ast.AST], replacement: str) -> str:
    """Replace several non-overlapping nodes; later ones first so offsets stay valid."""
    ordered = sorted(nodes, key=lambda n: node_span(code, n)[:2], reverse=True)
    for node in ordered:
        code = replace_node(code, node, replacement)
    return code


def insert_line(code: str, before: int, text: str) -> str:
    """Insert a whole line before line `before` (1-based); past the end appends."""
    lines = code.split("\n")
    index = min(max(before - 1, 0), len(lines))
    if index == len(lines) and lines and lines[-1] == "":
        index -= 1  # keep the final newline last
    lines.insert(index, text)
    return "\n".join(lines)

"""Helpers shared by explainers: safe code formatting and proposals that must parse."""

import ast

from serve_app.domain.debug.edits import insert_line, replace_node
from serve_app.domain.debug.explainers.registry import Context
from serve_app.domain.debug.source import parses


def code(text: object) -> str:
    """Inline markdown code that survives backticks inside the text."""
    rendered = str(text)
    if len(rendered) > 80:
        rendered = rendered[:77] + "..."
    fence = "``" if "`" in rendered else "`"
    padding = " " if fence == "``" else ""
    return f"{fence}{padding}{rendered}{padding}{fence}"


def checked(context: Context, candidate: str | None) -> str | None:
    """A proposed correction, kept only if it parses and actually changes something."""
    if candidate is None or candidate == context.source.code or not parses(candidate):
        return None
    return candidate


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def assignment_from_input(context: Context, name: str) -> ast.Assign | None:
    """The `name = input(...)` that gave a variable its text value, if there is exactly one."""
    found = [
        node
        for node in context.source.nodes(ast.Assign)
        if len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == name
    ]
    if len(found) == 1 and _is_input_call(found[0].value):
        return found[0]
    return None


def _is_input_call(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "input"
    )


def convert_input(context: Context, node: ast.expr, converter: str) -> str | None:
    """Wrap the text that `node` stands for in `converter(...)`, at its source if possible."""
    if isinstance(node, ast.Name):
        origin = assignment_from_input(context, node.id)
        if origin is not None:
            wrapped = f"{converter}({context.source.segment(origin.value)})"
            return checked(context, replace_node(context.source.code, origin.value, wrapped))
    if _is_input_call(node) or isinstance(node, ast.Name):
        wrapped = f"{converter}({context.source.segment(node)})"
        return checked(context, replace_node(context.source.code, node, wrapped))
    return None


def comes_from_input(context: Context, node: ast.expr) -> bool:
    if _is_input_call(node):
        return True
    return isinstance(node, ast.Name) and assignment_from_input(context, node.id) is not None


def insert_first_in_body(
    context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef, text: str
) -> str | None:
    """Insert a statement at the top of a function body, after its docstring."""
    body = function.body
    first = body[0]
    if first.lineno == function.lineno:
        return None
    has_docstring = (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    )
    if has_docstring and len(body) > 1:
        anchor_line = body[1].lineno
        indent = context.source.indentation(anchor_line)
    elif has_docstring:
        anchor_line = (first.end_lineno or first.lineno) + 1
        indent = context.source.indentation(first.lineno)
    else:
        anchor_line = first.lineno
        indent = context.source.indentation(anchor_line)
    return checked(context, insert_line(context.source.code, anchor_line, indent + text))


def add_self_parameter(
    context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> str | None:
    header = context.source.line(function.lineno)
    opening = header.find("(", header.find(function.name))
    if opening < 0:
        return None
    rest = header[opening + 1 :].lstrip()
    separator = "" if rest.startswith(")") else ", "
    fixed = header[: opening + 1] + "self" + separator + rest
    lines = context.source.code.split("\n")
    lines[function.lineno - 1] = fixed
    return checked(context, "\n".join(lines))

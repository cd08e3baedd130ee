"""Mutable default arguments, shared by every call of the function."""

import ast

from serve_app.domain.debug.edits import insert_line, replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source


def _is_mutable_default(node: ast.expr) -> bool:
    if isinstance(node, ast.List | ast.Dict | ast.Set):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"list", "dict", "set"}
    )


def check_mutable_defaults(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for function in source.nodes(ast.FunctionDef):
        arguments = function.args
        positional = arguments.posonlyargs + arguments.args
        pairs = list(
            zip(
                positional[len(positional) - len(arguments.defaults) :],
                arguments.defaults,
                strict=True,
            )
        )
        pairs += [
            (arg, default)
            for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
            if default is not None
        ]
        for arg, default in pairs:
            if not _is_mutable_default(default):
                continue
            name, original = arg.arg, source.segment(default)
            findings.append(
                Finding(
                    kind="mutable_default",
                    line=function.lineno,
                    message=(
                        f"Line {function.lineno}: `{name}={original}` is a mutable default; "
                        f"the same `{original}` is shared by every call of `{function.name}()`."
                    ),
                    why=(
                        "Default values are created once, when the function is defined, so "
                        "changes made in one call are still there in the next."
                    ),
                    how=f"Default to `None` and create a fresh `{original}` inside the function.",
                    topic="functions",
                    solution=_none_default(source, function, default, name, original),
                    subject=name,
                )
            )
    return findings


def _none_default(
    source: Source, function: ast.FunctionDef, default: ast.expr, name: str, original: str
) -> str | None:
    first = function.body[0]
    if first.lineno == function.lineno:
        return None  # a one-line `def f(x=[]): ...` has no body line to insert into
    docstring = (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and len(function.body) > 1
    )
    anchor = function.body[1] if docstring else first
    indent = source.indentation(anchor.lineno)
    guard = f"{indent}if {name} is None:\n{indent}    {name} = {original}"
    # Insert first (below the default), then edit the default, so line numbers hold.
    code = insert_line(source.code, anchor.lineno, guard)
    return proposed_fix(replace_node(code, default, "None"), source.code)

"""Functions whose caller uses a result the function never `return`s."""

import ast

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source


def _returns_value(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, ast.Return) and node.value is not None for node in _own_nodes(function)
    ) or any(isinstance(node, ast.Yield | ast.YieldFrom) for node in _own_nodes(function))


def _own_nodes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    """Nodes of a function body, without descending into nested functions or classes."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _is_print(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    )


def used_results(source: Source, name: str) -> list[ast.Call]:
    """Calls of `name` whose result the code keeps (assigns, prints, computes with)."""
    calls: list[ast.Call] = []
    for node in source.nodes(ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id == name:
            parent = source.parent(node)
            if not isinstance(parent, ast.Expr):
                calls.append(node)
    return calls


def print_to_return(source: Source, function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The code with the function's final `print(x)` turned into `return x`."""
    last = function.body[-1]
    if not (
        isinstance(last, ast.Expr)
        and _is_print(last.value)
        and isinstance(last.value, ast.Call)
        and len(last.value.args) == 1
        and not last.value.keywords
        and not isinstance(last.value.args[0], ast.Starred)
    ):
        return None
    fixed = replace_node(source.code, last, f"return {source.segment(last.value.args[0])}")
    return proposed_fix(fixed, source.code)


def check_missing_returns(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for function in source.nodes(ast.FunctionDef):
        if function.name.startswith("__") or _returns_value(function):
            continue
        uses = used_results(source, function.name)
        if not uses:
            continue
        use = uses[0]
        prints = [node for node in _own_nodes(function) if _is_print(node)]
        use_text = source.line(use.lineno).strip()
        if prints:
            # The line to change is the (last) print, not the `def`.
            line = max(node.lineno for node in prints if isinstance(node, ast.Call))
            findings.append(
                Finding(
                    kind="prints_instead_of_returning",
                    line=line,
                    message=(
                        f"Line {line}: `{function.name}()` prints its result "
                        f"(`{source.line(line).strip()}`) but never `return`s it, so line "
                        f"{use.lineno} (`{use_text}`) gets `None`."
                    ),
                    why=(
                        "`print` only shows a value on the screen; the caller receives what "
                        "the function `return`s, and a function with no `return` gives `None`."
                    ),
                    how="Replace the `print(...)` inside the function with `return ...`.",
                    topic="functions",
                    solution=print_to_return(source, function),
                    subject=function.name,
                )
            )
            continue
        last = function.body[-1]
        solution = None
        if isinstance(last, ast.Expr) and not isinstance(last.value, ast.Call):
            solution = proposed_fix(
                replace_node(source.code, last, f"return {source.segment(last.value)}"),
                source.code,
            )
        findings.append(
            Finding(
                kind="missing_return",
                line=function.lineno,
                message=(
                    f"Line {function.lineno}: `{function.name}()` never returns a value, so "
                    f"line {use.lineno} (`{use_text}`) gets `None`."
                ),
                why="A function without a `return` statement gives back `None`.",
                how="End the function with `return <the value you computed>`.",
                topic="functions",
                solution=solution,
                subject=function.name,
            )
        )
    return findings

"""A running total reset inside the loop that accumulates it, so only the last pass counts."""

import ast

from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source


def _reset_name(statement: ast.stmt) -> str | None:
    """`total = 0` (or "", [], {}): a name set to an empty starting value."""
    if not (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
    ):
        return None
    value = statement.value
    if isinstance(value, ast.Constant):
        empty = value.value in (0, "") and not isinstance(value.value, bool)
    elif isinstance(value, ast.List | ast.Tuple):
        empty = not value.elts
    elif isinstance(value, ast.Dict):
        empty = not value.keys
    else:
        empty = False
    return statement.targets[0].id if empty else None


def _accumulates(statement: ast.stmt, name: str) -> bool:
    for node in ast.walk(statement):
        if (
            isinstance(node, ast.AugAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
        ):
            return True
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            and isinstance(node.value, ast.BinOp)
            and any(
                isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)
                for n in ast.walk(node.value)
            )
        ):
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"append", "extend", "add", "update"}
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == name
        ):
            return True
    return False


def _read_after_loop(source: Source, loop: ast.For | ast.While, name: str) -> bool:
    end = loop.end_lineno or loop.lineno
    return any(
        node.id == name and isinstance(node.ctx, ast.Load) and node.lineno > end
        for node in source.nodes(ast.Name)
    )


def _moved_before_loop(source: Source, loop: ast.For | ast.While, reset: ast.stmt) -> str | None:
    if reset.end_lineno != reset.lineno:
        return None
    lines = source.code.split("\n")
    text = lines.pop(reset.lineno - 1).strip()
    lines.insert(loop.lineno - 1, source.indentation(loop.lineno) + text)
    return proposed_fix("\n".join(lines), source.code)


def check_reset_inside_loop(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    loops: list[ast.For | ast.While] = [*source.nodes(ast.For), *source.nodes(ast.While)]
    for loop in loops:
        for position, statement in enumerate(loop.body):
            name = _reset_name(statement)
            if name is None:
                continue
            later = loop.body[position + 1 :]
            if not any(_accumulates(s, name) for s in later):
                continue
            if not _read_after_loop(source, loop, name):
                continue
            findings.append(
                Finding(
                    kind="reset_inside_loop",
                    line=statement.lineno,
                    message=(
                        f"Line {statement.lineno}: `{source.line(statement.lineno).strip()}` is "
                        f"inside the loop on line {loop.lineno}, so `{name}` starts again from "
                        "scratch on every pass and only the last pass counts."
                    ),
                    why=(
                        "Everything in the loop body runs once per pass, including the line "
                        "that sets the starting value."
                    ),
                    how="Set the starting value once, before the loop begins.",
                    topic="loops",
                    solution=_moved_before_loop(source, loop, statement),
                    subject=name,
                )
            )
    return findings

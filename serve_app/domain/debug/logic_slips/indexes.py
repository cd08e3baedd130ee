"""Slips in computing indexes: ranges that are off by one, and `/` where `//` is meant."""

import ast

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source


def _is_len_of(node: ast.expr) -> str | None:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "len"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
    ):
        return node.args[0].id
    return None


def _one_off(node: ast.expr, op: type[ast.operator]) -> ast.expr | None:
    """`x + 1` or `x - 1` (by `op`): the `x`, else None."""
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, op)
        and isinstance(node.right, ast.Constant)
        and node.right.value == 1
    ):
        return node.left
    return None


def _indexes(body: list[ast.stmt], container: str, index: str) -> list[ast.Subscript]:
    return [
        node
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == container
        and isinstance(node.slice, ast.Name)
        and node.slice.id == index
    ]


def _mentions_next(body: list[ast.stmt], index: str) -> bool:
    """`i + 1` in the body: pairs of neighbours legitimately stop one before the end."""
    return any(
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.left, ast.Name)
        and node.left.id == index
        for statement in body
        for node in ast.walk(statement)
    )


def _skips_last(source: Source, loop: ast.For, stop: ast.expr, index: str) -> Finding | None:
    """`for i in range(len(xs) - 1): ... xs[i]` never visits the last item."""
    length = _one_off(stop, ast.Sub)
    container = _is_len_of(length) if length is not None else None
    if (
        length is None
        or container is None
        or not _indexes(loop.body, container, index)
        or _mentions_next(loop.body, index)
    ):
        return None
    header = source.segment(loop.iter)
    return Finding(
        kind="range_skips_last",
        line=loop.lineno,
        message=(
            f"Line {loop.lineno}: `{header}` stops one item early: `range(n)` already "
            f"excludes `n`, so with `- 1` the last item of `{container}` is never visited."
        ),
        why=(
            f"`range(len({container}))` gives every index from 0 to `len({container}) - 1`; "
            "subtracting 1 again drops the last one."
        ),
        how="Use `range(len(items))`, or loop over the items directly.",
        topic="loops",
        solution=proposed_fix(replace_node(source.code, stop, source.segment(length)), source.code),
        subject=container,
    )


def _mentions_previous(body: list[ast.stmt], index: str) -> bool:
    return any(
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Sub)
        and isinstance(node.left, ast.Name)
        and node.left.id == index
        for statement in body
        for node in ast.walk(statement)
    )


def check_off_by_one_ranges(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        call = loop.iter
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "range"
            and isinstance(loop.target, ast.Name)
            and 1 <= len(call.args) <= 2
        ):
            continue
        index = loop.target.id
        stop = call.args[-1]
        start = call.args[0] if len(call.args) == 2 else None
        past_end = _one_off(stop, ast.Add)
        container = _is_len_of(past_end) if past_end is not None else None
        header = source.segment(call)
        if past_end is not None and container and _indexes(loop.body, container, index):
            fixed = proposed_fix(
                replace_node(source.code, stop, source.segment(past_end)), source.code
            )
            findings.append(
                Finding(
                    kind="range_past_end",
                    line=loop.lineno,
                    message=(
                        f"Line {loop.lineno}: `{header}` goes one step too far: its last "
                        f"value is `len({container})`, which is not a valid index of "
                        f"`{container}`."
                    ),
                    why=(
                        f"Indexes of `{container}` run from 0 to `len({container}) - 1`; "
                        "`range(n)` already stops just before `n`, so the `+ 1` overshoots."
                    ),
                    how="Use `range(len(items))`, or loop over the items directly.",
                    topic="loops",
                    solution=fixed,
                    subject=container,
                )
            )
            continue
        container = _is_len_of(stop)
        if (
            container
            and isinstance(start, ast.Constant)
            and start.value == 1
            and _indexes(loop.body, container, index)
            and not _mentions_previous(loop.body, index)
        ):
            fixed = proposed_fix(
                replace_node(source.code, call, f"range(len({container}))"), source.code
            )
            findings.append(
                Finding(
                    kind="range_skips_first",
                    line=loop.lineno,
                    message=(
                        f"Line {loop.lineno}: `{header}` starts at 1, so `{container}[0]`, "
                        "the first item, is never visited."
                    ),
                    why="Python counts indexes from 0, not 1.",
                    how="Start the range at 0 (`range(len(items))`), or loop over the items.",
                    topic="loops",
                    solution=fixed,
                    subject=container,
                )
            )
        if start is None or (isinstance(start, ast.Constant) and start.value == 0):
            finding = _skips_last(source, loop, stop, index)
            if finding is not None:
                findings.append(finding)
    for while_loop in source.nodes(ast.While):
        test = while_loop.test
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.LtE)
            and isinstance(test.left, ast.Name)
            and (container := _is_len_of(test.comparators[0]))
            and _indexes(while_loop.body, container, test.left.id)
        ):
            left = test.left.id
            replacement = f"{left} < {source.segment(test.comparators[0])}"
            findings.append(
                Finding(
                    kind="range_past_end",
                    line=while_loop.lineno,
                    message=(
                        f"Line {while_loop.lineno}: `{source.segment(test)}` lets `{left}` reach "
                        f"`len({container})`, one past the last index of `{container}`."
                    ),
                    why=f"The last valid index of `{container}` is `len({container}) - 1`.",
                    how="Use `<` rather than `<=` when comparing an index with a length.",
                    topic="loops",
                    solution=proposed_fix(
                        replace_node(source.code, test, replacement), source.code
                    ),
                    subject=container,
                )
            )
    return findings


def used_as_index(source: Source, node: ast.expr) -> bool:
    current: ast.AST = node
    parent = source.parent(current)
    while parent is not None:
        if isinstance(parent, ast.Subscript) and current is parent.slice:
            return True
        if (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Name)
            and parent.func.id == "range"
            and current in parent.args
        ):
            return True
        if not isinstance(parent, ast.BinOp | ast.UnaryOp | ast.Slice):
            return False
        current, parent = parent, source.parent(parent)
    return False


def _names_used_as_index(source: Source) -> set[str]:
    return {
        node.id
        for node in source.nodes(ast.Name)
        if isinstance(node.ctx, ast.Load) and used_as_index(source, node)
    }


def check_true_division_as_index(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    index_names = _names_used_as_index(source)
    for division in source.nodes(ast.BinOp):
        if not isinstance(division.op, ast.Div):
            continue
        parent = source.parent(division)
        assigned_to = (
            parent.targets[0].id
            if isinstance(parent, ast.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)
            else None
        )
        if not (used_as_index(source, division) or assigned_to in index_names):
            continue
        text = source.segment(division)
        floor = f"{source.segment(division.left)} // {source.segment(division.right)}"
        where = f"`{assigned_to}` is used as an index" if assigned_to else "it is used as an index"
        findings.append(
            Finding(
                kind="true_division_as_index",
                line=division.lineno,
                message=(
                    f"Line {division.lineno}: `{text}` uses `/`, which always gives a float "
                    f"(like `2.0`), but {where} or range bound, which must be a whole number."
                ),
                why="`/` is true division and returns a float even for `4 / 2`.",
                how="Use `//` (floor division) when you need a whole-number result.",
                topic="variables",
                solution=proposed_fix(replace_node(source.code, division, floor), source.code),
                subject=assigned_to,
            )
        )
    return findings

"""Conditions that do not test what they seem to: `is` with literals, `x == 'a' or 'b'`."""

import ast

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is not None and not isinstance(node.value, bool) and node.value != ...
    return isinstance(node, ast.List | ast.Dict | ast.Set | ast.Tuple | ast.JoinedStr)


def check_is_with_literal(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for compare in source.nodes(ast.Compare):
        if len(compare.ops) != 1 or not isinstance(compare.ops[0], ast.Is | ast.IsNot):
            continue
        if not (_is_literal(compare.left) or _is_literal(compare.comparators[0])):
            continue
        equal = "==" if isinstance(compare.ops[0], ast.Is) else "!="
        replacement = (
            f"{source.segment(compare.left)} {equal} {source.segment(compare.comparators[0])}"
        )
        findings.append(
            Finding(
                kind="is_with_literal",
                line=compare.lineno,
                message=(
                    f"Line {compare.lineno}: `{source.segment(compare)}` compares with `is`; "
                    f"use `{equal}` to compare values."
                ),
                why=(
                    "`is` asks whether two things are the very same object in memory, not "
                    "whether they are equal; for numbers and strings that works only by luck."
                ),
                how="Use `==` / `!=` for values; keep `is` for `None` (`x is None`).",
                topic="conditionals",
                solution=proposed_fix(replace_node(source.code, compare, replacement), source.code),
            )
        )
    return findings


def check_always_true_or(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for condition in source.nodes(ast.BoolOp):
        if not isinstance(condition.op, ast.Or):
            continue
        first, rest = condition.values[0], condition.values[1:]
        if not (
            isinstance(first, ast.Compare)
            and len(first.ops) == 1
            and isinstance(first.ops[0], ast.Eq)
            and rest
            and all(isinstance(v, ast.Constant) and v.value for v in rest)
        ):
            continue
        subject = source.segment(first.left)
        options = ", ".join(source.segment(v) for v in [first.comparators[0], *rest])
        replacement = f"{subject} in ({options})"
        findings.append(
            Finding(
                kind="always_true_or",
                line=condition.lineno,
                message=(
                    f"Line {condition.lineno}: `{source.segment(condition)}` is always true: "
                    f"`{source.segment(rest[0])}` on its own counts as true."
                ),
                why=(
                    "`or` does not repeat the comparison: `x == 'a' or 'b'` means "
                    "`(x == 'a') or ('b')`, and a non-empty string is true."
                ),
                how=f"Compare each time (`{subject} == ... or {subject} == ...`) or use `in`.",
                topic="conditionals",
                solution=proposed_fix(
                    replace_node(source.code, condition, replacement), source.code
                ),
                subject=subject,
            )
        )
    return findings

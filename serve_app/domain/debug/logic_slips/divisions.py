"""`//` where the student wanted a true average or ratio: the fraction silently disappears."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.logic_slips.indexes import used_as_index
from serve_app.domain.debug.source import Source

# Names that announce a quantity with a fractional part.
_FRACTIONAL_NAMES = re.compile(r"av(era)?g|mean|ratio|rate|percent|pct|share|fraction", re.I)


def _is_call_to(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def _target_name(source: Source, node: ast.BinOp) -> str | None:
    parent = source.parent(node)
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        target = parent.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(parent, ast.Return):
        function = source.enclosing_function(node.lineno)
        return function.name if function is not None else None
    return None


def check_floor_division_average(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for division in source.nodes(ast.BinOp):
        if not isinstance(division.op, ast.FloorDiv) or used_as_index(source, division):
            continue
        named = _target_name(source, division)
        sum_over_count = _is_call_to(division.left, "sum") and not isinstance(
            division.right, ast.Constant
        )
        if not (sum_over_count or (named and _FRACTIONAL_NAMES.search(named))):
            continue
        text = source.segment(division)
        true_division = f"{source.segment(division.left)} / {source.segment(division.right)}"
        findings.append(
            Finding(
                kind="floor_division_average",
                line=division.lineno,
                message=(
                    f"Line {division.lineno}: `{text}` uses `//`, which rounds down to a whole "
                    "number, so an average like 2.5 comes out as 2."
                ),
                why="`//` is floor division: it throws the fractional part away.",
                how="Use `/` for true division; round only when you display the result.",
                topic="variables",
                solution=proposed_fix(
                    replace_node(source.code, division, true_division), source.code
                ),
                subject=named,
            )
        )
    return findings

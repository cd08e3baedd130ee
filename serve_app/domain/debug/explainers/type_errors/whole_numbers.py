"""TypeError where a whole number is needed: indexes and `range()` arguments."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import (
    checked,
    code,
    comes_from_input,
    convert_input,
)
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import describe


def _division_in(context: Context, nodes: list[ast.expr]) -> list[ast.BinOp]:
    return [
        node
        for root in nodes
        for node in ast.walk(root)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
    ]


def _floor_divisions(context: Context, divisions: list[ast.BinOp]) -> str | None:
    code_text = context.source.code
    for division in sorted(divisions, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        left, right = context.source.segment(division.left), context.source.segment(division.right)
        code_text = replace_node(code_text, division, f"{left} // {right}")
    return checked(context, code_text) if divisions else None


@explains(
    "TypeError",
    pattern=(
        r"(?P<seq>list|tuple|string) indices must be integers(?: or slices)?(?:, not "
        r"'?(?P<type>\w+)'?)?"
    ),
)
def bad_index_type(context: Context, match: re.Match[str]) -> Explanation | None:
    seq, type_name = match["seq"], match["type"] or "str"
    subscripts = [s for s in context.nodes(ast.Subscript) if not isinstance(s.slice, ast.Slice)]
    index_nodes: list[ast.expr] = [s.slice for s in subscripts]
    solution = None
    why = (
        f"Positions in a {seq} are whole numbers (0, 1, 2...), but the index here is "
        f"{describe(type_name)}."
    )
    if type_name == "float":
        divisions = _division_in(context, index_nodes)
        finding = context.finding("true_division_as_index")
        solution = _floor_divisions(context, divisions) or (
            checked(context, finding.solution) if finding else None
        )
        why += " `/` always produces a float, even `4 / 2` is `2.0`."
    elif type_name == "str" and seq != "string":
        item_loop = _item_used_as_index(context, subscripts)
        if item_loop is not None:
            subscript, name = item_loop
            why = (
                f"{code(name)} is already an *item* of "
                f"{code(context.source.segment(subscript.value))} "
                "(the `for` loop hands you the items themselves), not a position."
            )
            solution = checked(context, replace_node(context.source.code, subscript, name))
        elif index_nodes and comes_from_input(context, index_nodes[0]):
            why += " Values from `input()` are text, even when they look like numbers."
            solution = convert_input(context, index_nodes[0], "int")
    elif seq == "string" and type_name == "str":
        why = (
            "You are using a text key on a string. This usually means the variable holds a "
            "string when you expected a dictionary - e.g. looping over a dict gives its *keys*."
        )
    shown = code(context.source.segment(subscripts[0])) if subscripts else f"the {seq}"
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {shown} uses {describe(type_name)} as a {seq} "
            f"index. {why}"
        ),
        hints=(
            f"{context.at} indexes a {seq} with {describe(type_name)}.",
            why,
            "Index sequences with whole numbers: use `//` for division, `int(...)` to "
            "convert text, and loop with `for item in items` when you need the items.",
        ),
        topic="strings" if seq == "string" else "lists",
        solution=solution,
    )


def _item_used_as_index(
    context: Context, subscripts: list[ast.Subscript]
) -> tuple[ast.Subscript, str] | None:
    for loop in context.source.nodes(ast.For):
        if not (isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.Name)):
            continue
        for subscript in subscripts:
            if (
                isinstance(subscript.slice, ast.Name)
                and subscript.slice.id == loop.target.id
                and isinstance(subscript.value, ast.Name)
                and subscript.value.id == loop.iter.id
            ):
                return subscript, loop.target.id
    return None


@explains("TypeError", pattern=r"'(?P<type>\w+)' object cannot be interpreted as an integer")
def not_an_integer(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    calls = [c for c in context.nodes(ast.Call) if isinstance(c.func, ast.Name)]
    arguments = [a for c in calls for a in c.args]
    solution = None
    if type_name == "float":
        why = (
            "`/` always gives a float (`10 / 2` is `5.0`), and `range()` only accepts whole "
            "numbers."
        )
        solution = _floor_divisions(context, _division_in(context, arguments))
    elif type_name == "str":
        source_arg = next((a for a in arguments if comes_from_input(context, a)), None)
        why = "`input()` always returns text, even when the user types digits."
        if source_arg is not None:
            solution = convert_input(context, source_arg, "int")
    else:
        why = f"Functions like `range()` need a whole number, but got {describe(type_name)}."
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: a whole number (int) was needed, but the "
            f"value is {describe(type_name)}. {why}"
        ),
        hints=(
            f"{context.at} passes {describe(type_name)} where an int is required.",
            why,
            "Use `//` for whole-number division and `int(...)` to turn text into a number.",
        ),
        topic="loops"
        if any(isinstance(c.func, ast.Name) and c.func.id == "range" for c in calls)
        else "variables",
        solution=solution,
    )

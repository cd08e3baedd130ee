"""TypeError from operators between incompatible values, typically text read by `input()`."""

import ast
import re

from serve_app.domain.debug.explainers.common import code, comes_from_input, convert_input
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import NUMBERS, describe


def _binop_with(context: Context, op_symbol: str) -> ast.BinOp | None:
    for node in context.nodes(ast.BinOp):
        if _OP_SYMBOLS.get(type(node.op)) == op_symbol:
            return node
    return None


_OP_SYMBOLS: dict[type[ast.operator], str] = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
    ast.Mod: "%", ast.Pow: "** or pow()",
}  # fmt: skip


@explains(
    "TypeError",
    pattern=(
        r"unsupported operand type\(s\) for (?P<op>[^:]+): '(?P<left>\w+)' and "
        r"'(?P<right>\w+)'"
    ),
)
def unsupported_operand(context: Context, match: re.Match[str]) -> Explanation | None:
    op, left, right = match["op"], match["left"], match["right"]
    if "NoneType" in (left, right):
        return None
    operation = _binop_with(context, op)
    solution = None
    text_side: ast.expr | None = None
    if operation is not None and {left, right} & {"str"} and {left, right} & NUMBERS:
        text_side = operation.left if left == "str" else operation.right
        if comes_from_input(context, text_side):
            number = "float" if "float" in (left, right) else "int"
            solution = convert_input(context, text_side, number)
    expression = code(context.source.segment(operation)) if operation is not None else f"`{op}`"
    if text_side is not None:
        why = (
            f"{code(context.source.segment(text_side))} is text (a `str`), even if it looks "
            "like a number - `input()` always returns text."
            if comes_from_input(context, text_side)
            else f"{code(context.source.segment(text_side))} is text (a `str`), not a number."
        )
        how = "Convert text to a number with `int(...)` or `float(...)` before doing arithmetic."
    else:
        why = f"`{op}` has no meaning between {describe(left)} and {describe(right)}."
        how = "Make both sides the same kind of value (convert one of them) before combining them."
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {expression} combines {describe(left)} with "
            f"{describe(right)} using `{op}`, which Python cannot do. {why}"
        ),
        hints=(
            f"{context.at} applies `{op}` to {describe(left)} and {describe(right)}.",
            why,
            how,
        ),
        topic="variables",
        solution=solution,
    )


@explains(
    "TypeError",
    pattern=(
        r"'(?P<op>[<>]=?)' not supported between instances of '(?P<left>\w+)' and "
        r"'(?P<right>\w+)'"
    ),
)
def unorderable(context: Context, match: re.Match[str]) -> Explanation | None:
    left, right = match["left"], match["right"]
    compares = context.nodes(ast.Compare)
    solution = None
    why = (
        f"Python cannot tell whether {describe(left)} is smaller or larger than {describe(right)}."
    )
    if compares and "str" in (left, right) and {left, right} & NUMBERS:
        compare = compares[0]
        text_side = compare.left if left == "str" else compare.comparators[0]
        if comes_from_input(context, text_side):
            why += " The text comes from `input()`, which always returns a string."
            solution = convert_input(
                context, text_side, "float" if "float" in (left, right) else "int"
            )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: `{match['op']}` compares {describe(left)} with "
            f"{describe(right)}. {why}"
        ),
        hints=(
            f"{context.at} compares values of two different types.",
            why,
            "Convert before comparing: `int(text)` or `float(text)` for numbers read as text.",
        ),
        topic="conditionals",
        solution=solution,
    )


@explains("TypeError", pattern=r"can't multiply sequence by non-int of type '(?P<type>\w+)'")
def sequence_times_non_int(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    multiply = next((n for n in context.nodes(ast.BinOp) if isinstance(n.op, ast.Mult)), None)
    solution = None
    why = (
        f"`text * n` repeats text n times, so n must be a whole number, not {describe(type_name)}."
    )
    if multiply is not None:
        for side in (multiply.left, multiply.right):
            if comes_from_input(context, side):
                why = (
                    "The value came from `input()`, so it is text; `*` then means *repeat the "
                    "text*, not multiply."
                )
                solution = convert_input(context, side, "float")
                break
    return Explanation(
        summary=f"**TypeError** on {context.where}: {why}",
        hints=(
            f"{context.at} multiplies a string or list by {describe(type_name)}.",
            why,
            "Convert text to a number (`float(...)`/`int(...)`) before doing arithmetic.",
        ),
        topic="strings",
        solution=solution,
    )

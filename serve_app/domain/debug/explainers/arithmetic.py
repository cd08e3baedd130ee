"""Arithmetic gone wrong: dividing by zero, numbers too large, and runaway recursion."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.values import UNKNOWN

_DIVISIONS = (ast.Div, ast.FloorDiv, ast.Mod)
_SYMBOLS: dict[type[ast.operator], str] = {ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}
# Divisors that are safe to evaluate twice in a guard expression.
_REPEATABLE = (ast.Name, ast.Attribute, ast.Subscript, ast.Constant)


def _divisor_is_zero(context: Context, node: ast.BinOp) -> bool | None:
    value = context.values.evaluate(node.right)
    if value is UNKNOWN:
        return None
    return value == 0


def _guard_expression(context: Context, division: ast.BinOp) -> str | None:
    divisor = division.right
    repeatable = isinstance(divisor, _REPEATABLE) or (
        isinstance(divisor, ast.Call)
        and isinstance(divisor.func, ast.Name)
        and divisor.func.id == "len"
        and all(isinstance(a, _REPEATABLE) for a in divisor.args)
    )
    if not repeatable or isinstance(divisor, ast.Constant):
        return None  # dividing by a literal 0 needs a different formula, not a guard
    text = context.source.segment(division)
    guard = context.source.segment(divisor)
    replacement = f"({text} if {guard} != 0 else 0)"
    return checked(context, replace_node(context.source.code, division, replacement))


@explains("ZeroDivisionError")
def division_by_zero(context: Context, match: re.Match[str]) -> Explanation | None:
    divisions = [n for n in context.nodes(ast.BinOp) if isinstance(n.op, _DIVISIONS)]
    zero = [d for d in divisions if _divisor_is_zero(context, d)]
    chosen = zero[0] if zero else (divisions[0] if len(divisions) == 1 else None)
    if chosen is None:
        return Explanation(
            summary=(
                f"**ZeroDivisionError** on {context.where}: something was divided by zero "
                "(with `/`, `//` or `%`)."
            ),
            hints=(
                f"{context.at} divides by a value that is 0.",
                "Division by zero has no answer, so Python stops instead of guessing.",
                "Check the divisor first (`if count != 0:`) or make sure it can never be 0.",
            ),
            topic="variables",
        )
    divisor = context.source.segment(chosen.right)
    symbol = _SYMBOLS[type(chosen.op)]
    is_len = isinstance(chosen.right, ast.Call) and context.source.segment(chosen.right).startswith(
        "len("
    )
    why = (
        f"{code(divisor)} is 0 here"
        + (" - the collection is empty" if is_len else "")
        + f", and `{symbol}` by zero has no answer."
    )
    if isinstance(chosen.right, ast.Name) and context.values.repr_of(chosen.right.id) is not None:
        why = (
            f"{code(divisor)} is {code(context.values.repr_of(chosen.right.id))} here, and "
            f"`{symbol}` by zero has no answer."
        )
    return Explanation(
        summary=(
            f"**ZeroDivisionError** on {context.where}: {code(context.source.segment(chosen))} "
            f"divides by {code(divisor)}, which is 0. {why}"
        ),
        hints=(
            f"{context.at} computes {code(context.source.segment(chosen))}.",
            why,
            "Before dividing, handle the zero case: `if divisor != 0:` ... `else:` give a "
            "sensible fallback (or an error message), e.g. an average of an empty list.",
        ),
        topic="variables",
        solution=_guard_expression(context, chosen),
    )


@explains("OverflowError")
def overflow(context: Context, match: re.Match[str]) -> Explanation | None:
    to_float = "too large to convert to float" in context.problem.message
    why = (
        "Whole numbers (int) can be as big as you like, but floats have a limit (about "
        "1.8e308); this integer is too big to turn into a float."
        if to_float
        else "The result is bigger than the largest float Python can hold (about 1.8e308)."
    )
    return Explanation(
        summary=f"**OverflowError** on {context.where}: a number grew too large. {why}",
        hints=(
            f"{context.at} produces a number beyond the float limit.",
            why + " Usually a value is growing much faster than intended (e.g. a loop "
            "multiplying or raising to a power).",
            "Use integers (`//`, `**` on ints) when you need huge exact numbers, and check "
            "that the loop or formula grows the way you expect.",
        ),
        topic="variables",
    )


def _recursive_functions(context: Context) -> list[ast.FunctionDef]:
    found: list[ast.FunctionDef] = []
    for function in context.source.nodes(ast.FunctionDef):
        calls_itself = any(
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == function.name)
                or (isinstance(node.func, ast.Attribute) and node.func.attr == function.name)
            )
            for node in ast.walk(function)
        )
        if calls_itself:
            found.append(function)
    return found


def _has_base_case(function: ast.FunctionDef) -> bool:
    """An `if` whose branch returns (or raises) without calling the function again."""
    for node in ast.walk(function):
        if not isinstance(node, ast.If):
            continue
        for branch in (node.body, node.orelse):
            for statement in branch:
                if isinstance(statement, ast.Return | ast.Raise) and not any(
                    isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Name)
                    and n.func.id == function.name
                    for n in ast.walk(statement)
                ):
                    return True
    return False


def _unchanged_arguments(function: ast.FunctionDef) -> bool:
    """The recursive call passes its parameters straight through: `f(n)` inside `f(n)`."""
    parameters = [a.arg for a in function.args.args]
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == function.name
            and [ast.unparse(a) for a in node.args] == parameters
        ):
            return True
    return False


@explains("RecursionError")
def recursion_depth(context: Context, match: re.Match[str]) -> Explanation | None:
    functions = _recursive_functions(context)
    enclosing = context.source.enclosing_function(context.line)
    function = next((f for f in functions if f is enclosing), functions[0] if functions else None)
    if function is None:
        return Explanation(
            summary=(
                f"**RecursionError** on {context.where}: functions kept calling each other "
                "without ever stopping, until Python's limit (about 1000 nested calls)."
            ),
            hints=(
                f"{context.at} is part of a chain of calls that never ends.",
                "Some function calls another that eventually calls the first again, forever.",
                "Every recursive function needs a base case that returns without recursing.",
            ),
            topic="recursion",
        )
    name = code(function.name + "()")
    if not _has_base_case(function):
        why = (
            f"{name} always calls itself again: it has no *base case* - an `if` that returns "
            "a result without recursing - so the calls never stop."
        )
    elif _unchanged_arguments(function):
        why = (
            f"{name} calls itself with exactly the same arguments it received, so it never "
            "gets closer to its base case."
        )
    else:
        why = (
            f"{name} has a base case, but the recursive calls never reach it - check that "
            "each call moves the argument toward it (e.g. `n - 1` toward `n == 0`), and "
            "that the base case covers every input (negative numbers too)."
        )
    return Explanation(
        summary=(
            f"**RecursionError** in {name} (line {function.lineno}): the function called "
            f"itself over and over until Python's limit (about 1000 calls). {why}"
        ),
        hints=(
            f"{name}, defined on line {function.lineno}, recursed without end; the last call "
            f"was on {context.where}.",
            why,
            "Start a recursive function with its base case (`if n == 0: return ...`), and "
            "make every recursive call use a smaller problem (`n - 1`, a shorter list).",
        ),
        topic="recursion",
    )

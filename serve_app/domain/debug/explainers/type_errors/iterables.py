"""TypeError from treating a single value as a collection: looping, `len()`, unpacking."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import describe


@explains("TypeError", pattern=r"object of type '(?P<type>\w+)' has no len\(\)")
def no_len(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    extra = " To count digits of a number, use `len(str(number))`." if type_name == "int" else ""
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: `len()` counts items in a collection, but it "
            f"got {describe(type_name)}.{extra}"
        ),
        hints=(
            f"{context.at} calls `len()` on {describe(type_name)}.",
            f"Only strings, lists, tuples, dicts and sets have a length; {describe(type_name)} "
            f"does not.{extra}",
            "Make sure the variable holds the collection you meant to measure.",
        ),
        topic="lists",
    )


@explains("TypeError", pattern=r"'(?P<type>\w+)' object is not iterable")
def not_iterable(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    if type_name == "NoneType":
        return None
    loop = next(iter(context.nodes(ast.For)), None)
    iterated = loop.iter if loop is not None and loop.lineno == context.line else None
    solution = None
    if iterated is not None and type_name == "int":
        solution = checked(
            context,
            replace_node(
                context.source.code, iterated, f"range({context.source.segment(iterated)})"
            ),
        )
    elif iterated is not None and type_name in {"function", "method", "builtin_function_or_method"}:
        solution = checked(
            context,
            replace_node(context.source.code, iterated, f"{context.source.segment(iterated)}()"),
        )
    subject = code(context.source.segment(iterated)) if iterated is not None else "The value"
    if type_name in {"int", "float"}:
        how = (
            "To repeat something n times, loop over `range(n)`; to walk through items, loop over "
            "a list or string."
        )
        why = (
            f"{subject} is a single number; a `for` loop needs a collection of items (a list, a "
            f"string, a `range(...)`)."
        )
    elif type_name in {"function", "method", "builtin_function_or_method"}:
        how = "Call the function with `()` to get the collection it returns, then loop over that."
        why = (
            f"{subject} is the function itself - it was never called, so there is nothing to loop "
            f"over."
        )
    else:
        how = "Loop only over collections: lists, tuples, strings, dicts, sets or `range(...)`."
        why = f"{subject} is {describe(type_name)}, which cannot be walked through item by item."
    return Explanation(
        summary=f"**TypeError** on {context.where}: {why}",
        hints=(f"{context.at} tries to loop over {describe(type_name)}.", why, how),
        topic="loops",
        solution=solution,
    )


@explains("TypeError", pattern=r"cannot unpack non-iterable (?P<type>\w+) object")
def unpack_non_iterable(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: the code unpacks a value into several variables "
            f"(`a, b = ...`), but the value is {describe(match['type'])}, a single thing."
        ),
        hints=(
            f"{context.at} splits {describe(match['type'])} into several names.",
            "Unpacking needs a collection with exactly as many items as names on the left.",
            "Have the function return a tuple (`return a, b`), or assign to a single variable.",
        ),
        topic="tuples",
    )

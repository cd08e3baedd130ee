"""TypeError from using `(...)` and `[...]` on the wrong kind of value."""

import ast
import re

from serve_app.domain.debug.edits import replace_node, replace_nodes
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import describe
from serve_app.domain.debug.names import BUILTIN_NAMES


@explains("TypeError", pattern=r"'(?P<type>\w+)' object is not subscriptable")
def not_subscriptable(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    if type_name == "NoneType":
        return None
    subscripts = context.nodes(ast.Subscript)
    solution = None
    if type_name in {"function", "builtin_function_or_method", "method", "type"} and subscripts:
        target = subscripts[0]
        solution = checked(
            context,
            replace_node(
                context.source.code,
                target,
                f"{context.source.segment(target.value)}({context.source.segment(target.slice)})",
            ),
        )
        why = (
            "Functions are called with round brackets `( )`; square brackets `[ ]` are for "
            "indexing."
        )
    else:
        why = (
            f"Only sequences and mappings (lists, strings, tuples, dicts) can be indexed; this is "
            f"{describe(type_name)}."
        )
    shown = code(context.source.segment(subscripts[0])) if subscripts else "`[...]`"
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {shown} uses `[...]` on {describe(type_name)}. "
            f"{why}"
        ),
        hints=(
            f"{context.at} indexes {describe(type_name)} with square brackets.",
            why,
            "Use `( )` to call functions and `[ ]` only on lists, strings, tuples and dicts.",
        ),
        topic="functions" if solution else "lists",
        solution=solution,
    )


@explains("TypeError", pattern=r"'(?P<type>\w+)' object is not callable")
def not_callable(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    if type_name == "NoneType":
        return None
    calls = context.nodes(ast.Call)
    literal_call = next((c for c in calls if isinstance(c.func, ast.Constant)), None)
    if literal_call is not None and len(literal_call.args) == 1 and not literal_call.keywords:
        number = context.source.segment(literal_call.func)
        inside = context.source.segment(literal_call.args[0])
        return Explanation(
            summary=(
                f"**TypeError** on {context.where}: {code(context.source.segment(literal_call))} "
                f"puts parentheses right after the number {code(number)}, which Python reads as "
                "*calling* it. In code, multiplication always needs `*`."
            ),
            hints=(
                f"{context.at} has a number directly followed by `(`.",
                "Maths notation `2(x + 1)` means multiply, but in Python `2(...)` means "
                '"call 2 like a function".',
                "Write the multiplication sign explicitly: `2 * (x + 1)`.",
            ),
            topic="variables",
            solution=checked(
                context,
                replace_node(context.source.code, literal_call, f"{number} * ({inside})"),
            ),
        )
    shadowed = next(
        (
            c.func.id
            for c in calls
            if isinstance(c.func, ast.Name)
            and c.func.id in BUILTIN_NAMES
            and c.func.id in context.defined
        ),
        None,
    )
    if shadowed is not None:
        return _shadowed_builtin(context, shadowed, type_name)
    called = next((c for c in calls if isinstance(c.func, ast.Name)), None)
    name = called.func.id if called is not None and isinstance(called.func, ast.Name) else None
    solution = None
    if (
        called is not None
        and type_name in {"list", "dict", "str", "tuple"}
        and len(called.args) == 1
        and not called.keywords
    ):
        solution = checked(
            context,
            replace_node(
                context.source.code, called, f"{name}[{context.source.segment(called.args[0])}]"
            ),
        )
    brackets = " To get an item out of it, use square brackets: `items[0]`." if solution else ""
    subject = code(name) if name else "The value being called"
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {subject} is {describe(type_name)}, not a "
            f"function, so it cannot be called with `(...)`.{brackets}"
        ),
        hints=(
            f"{context.at} puts `(...)` after {subject}, which calls it like a function.",
            f"At this point {subject} holds {describe(type_name)}; only functions and classes "
            "can be called.",
            "Use `(...)` only on functions; use `[...]` to index lists, strings and dicts; "
            "check that a variable didn't take the name of a function you need.",
        ),
        topic="functions",
        solution=solution,
    )


def _shadowed_builtin(context: Context, builtin: str, type_name: str) -> Explanation:
    line = context.defined[builtin]
    rename = f"{builtin}_value" if builtin != "sum" else "total"
    if rename in context.defined:
        rename = f"my_{builtin}"
    # Every use that is not a call refers to the student's variable: rename those only.
    uses = [
        node
        for node in context.source.nodes(ast.Name)
        if node.id == builtin
        and not (
            isinstance(parent := context.source.parent(node), ast.Call) and parent.func is node
        )
    ]
    solution = checked(context, replace_nodes(context.source.code, list(uses), rename))
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: line {line} stores {describe(type_name)} in a "
            f"variable called {code(builtin)}, which hides Python's built-in "
            f"{code(builtin + '()')} function. Calling {code(builtin + '(...)')} now tries to "
            "call your value. Rename your variable (e.g. "
            f"{code(rename)})."
        ),
        hints=(
            f"{context.at} calls {code(builtin + '()')}, but {code(builtin)} is no longer "
            "the built-in function here.",
            f"Line {line} assigns to {code(builtin)}; from then on that name means your "
            "value, not the function.",
            "Never name variables after built-ins (`sum`, `list`, `str`, `max`, `input`...): "
            "pick a descriptive name instead.",
        ),
        topic="variables",
        solution=solution,
    )

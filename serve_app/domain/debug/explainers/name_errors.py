"""NameError and UnboundLocalError: names Python does not know (yet)."""

import ast
import re

from serve_app.domain.debug.edits import insert_line, replace_nodes
from serve_app.domain.debug.explainers.common import (
    add_self_parameter,
    checked,
    code,
    insert_first_in_body,
)
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import (
    BUILTIN_NAMES,
    OTHER_LANGUAGE_WORDS,
    STDLIB_MODULES,
    closest,
)

BUILTIN_CUTOFF = 0.75
_HOW_NAMES = (
    "Python is case-sensitive and needs every name to be created (assigned, defined with "
    "`def`, or imported) before the line that uses it runs. Check the spelling, and move "
    "the definition above its first use."
)


def _uses(context: Context, name: str) -> list[ast.AST]:
    return [
        node
        for node in context.source.nodes(ast.Name)
        if node.id == name and isinstance(node.ctx, ast.Load)
    ]


def _function_scopes_binding(context: Context, name: str) -> list[str]:
    """Functions that bind `name` locally, when nothing outside them does."""
    scopes: list[str] = []
    for function in context.source.nodes(ast.FunctionDef):
        binds = any(
            isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
            for node in ast.walk(function)
        ) or any(arg.arg == name for arg in ast.walk(function.args) if isinstance(arg, ast.arg))
        if binds:
            scopes.append(function.name)
    return scopes


@explains("NameError", pattern=r"name '(?P<name>\w+)' is not defined")
def undefined_name(context: Context, match: re.Match[str]) -> Explanation | None:
    name = match["name"]
    if name == "self":
        return None  # handled by missing_self_name below
    line = context.line
    defined_at = context.defined.get(name)
    what = f"{context.at} uses the name {code(name)}, which Python does not know at that point."
    enclosing = context.source.enclosing_function(line)

    if defined_at is not None and line is not None and defined_at > line and enclosing is None:
        return Explanation(
            summary=(
                f"**NameError** on {context.where}: {code(name)} is used before it exists. "
                f"It is only created on line {defined_at}, and Python runs your code from "
                "top to bottom."
            ),
            hints=(
                what,
                f"{code(name)} is created on line {defined_at}, which runs *after* line {line}.",
                "Move the assignment (or the `def`) above the first line that uses it.",
            ),
            topic="variables",
        )

    scopes = _function_scopes_binding(context, name)
    if defined_at is not None and scopes and (enclosing is None or enclosing.name not in scopes):
        owner = scopes[0]
        return Explanation(
            summary=(
                f"**NameError** on {context.where}: {code(name)} only exists inside the "
                f"function {code(owner + '()')}. Variables created in a function are local "
                "to it and disappear when it returns."
            ),
            hints=(
                what,
                f"{code(name)} is a local variable of {code(owner + '()')}; code outside "
                "that function cannot see it.",
                "Have the function `return` the value, and store the result where you call "
                "it (`result = my_function()`).",
            ),
            topic="functions",
        )

    if name in STDLIB_MODULES and name not in context.defined:
        solution = checked(context, insert_line(context.source.code, 1, f"import {name}"))
        return Explanation(
            summary=(
                f"**NameError** on {context.where}: {code(name)} is a module from Python's "
                f"standard library, but your code never imports it. Add `import {name}` at "
                "the top."
            ),
            hints=(
                what,
                f"Modules must be imported before use; there is no `import {name}` in your code.",
                "Put the `import` lines at the very top of your file.",
            ),
            topic="modules",
            solution=solution,
        )

    # The student's own names are the likelier target of a typo, so they are tried first;
    # built-ins must be a closer match to avoid suggesting `help` for `hello`.
    suggestion = (
        closest(name, context.defined)
        or OTHER_LANGUAGE_WORDS.get(name)
        or closest(name, BUILTIN_NAMES, cutoff=BUILTIN_CUTOFF)
    )
    if suggestion is not None:
        solution = None
        if name not in context.defined and suggestion in (set(context.defined) | BUILTIN_NAMES):
            solution = checked(
                context, replace_nodes(context.source.code, _uses(context, name), suggestion)
            )
        return Explanation(
            summary=(
                f"**NameError** on {context.where}: {code(name)} is not defined. Did you mean "
                f"{code(suggestion)}? That is the closest name your program knows."
            ),
            hints=(
                what,
                f"Nothing in your code creates {code(name)}, but {code(suggestion)} exists "
                "and is spelled almost the same - this is probably a typo.",
                _HOW_NAMES,
            ),
            topic="variables",
            solution=solution,
        )

    uses = _uses(context, name)
    in_print = any(
        isinstance(parent := context.source.parent(node), ast.Call)
        and isinstance(parent.func, ast.Name)
        and parent.func.id == "print"
        for node in uses
    )
    solution = None
    if in_print and uses:
        solution = checked(context, replace_nodes(context.source.code, uses, repr(name)))
    text_hint = (
        f" If you meant the text {code(name)}, put it in quotes: `'{name}'`." if in_print else ""
    )
    return Explanation(
        summary=(
            f"**NameError** on {context.where}: {code(name)} is not defined anywhere in your "
            f"code.{text_hint}"
        ),
        hints=(
            what,
            f"No line of your program assigns, defines or imports {code(name)} before "
            f"{context.where} runs.{text_hint}",
            _HOW_NAMES,
        ),
        topic="variables",
        solution=solution,
    )


@explains("NameError", pattern=r"name 'self' is not defined")
def missing_self_name(context: Context, match: re.Match[str]) -> Explanation | None:
    function = context.source.enclosing_function(context.line)
    in_class = function is not None and any(
        function in cls.body for cls in context.source.classes.values()
    )
    solution = None
    if function is not None and in_class and not function.args.args:
        solution = add_self_parameter(context, function)
    where = f"{code(function.name + '()')}" if function else "this code"
    return Explanation(
        summary=(
            f"**NameError** on {context.where}: {code('self')} is not defined in {where}. "
            "Methods receive the object as their first parameter, which you must list "
            "yourself: `def method(self, ...)`."
        ),
        hints=(
            f"{context.at} uses {code('self')}, but {where} has no parameter called `self`.",
            "`self` is not a keyword: it exists only because each method declares it as its "
            "first parameter.",
            "Write `self` as the first parameter of every method defined inside a class.",
        ),
        topic="classes",
        solution=solution,
    )


@explains(
    "UnboundLocalError",
    "NameError",
    pattern=(
        r"(?:cannot access local variable '(?P<a>\w+)' where it is not associated with a value"
        r"|local variable '(?P<b>\w+)' referenced before assignment)"
    ),
)
def unbound_local(context: Context, match: re.Match[str]) -> Explanation | None:
    name = match["a"] or match["b"]
    function = context.source.enclosing_function(context.line)
    module_level = context.source.tree is not None and any(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
        for statement in context.source.tree.body
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for node in ast.walk(statement)
    )
    owner = code(function.name + "()") if function else "the function"
    what = (
        f"{context.at} reads {code(name)} inside {owner} before the function has given it a value."
    )
    if module_level and function is not None:
        return Explanation(
            summary=(
                f"**UnboundLocalError** on {context.where}: {owner} assigns to {code(name)}, "
                f"so Python treats {code(name)} as a brand-new *local* variable of the "
                "function - the global one with the same name is hidden, and the local one "
                "has no value yet."
            ),
            hints=(
                what,
                f"Because {owner} contains an assignment like `{name} = ...` or "
                f"`{name} += ...`, every use of {code(name)} in it refers to the local "
                "variable, even the ones before the assignment.",
                "Pass the value in as a parameter and `return` the new value (best), or "
                "declare `global name` at the top of the function if it really must change "
                "the global variable.",
            ),
            topic="functions",
            solution=insert_first_in_body(context, function, f"global {name}"),
        )
    return Explanation(
        summary=(
            f"**UnboundLocalError** on {context.where}: {code(name)} is read before any value "
            f"was assigned to it in {owner} - perhaps the assignment is in an `if` branch "
            "that did not run, or comes later in the function."
        ),
        hints=(
            what,
            f"Every path through {owner} must assign {code(name)} before line {context.line} "
            "reads it.",
            "Give the variable a starting value at the top of the function (e.g. `total = 0`).",
        ),
        topic="functions",
    )

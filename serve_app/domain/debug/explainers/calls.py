"""Calling functions and methods with the wrong arguments, or methods without `self`."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import add_self_parameter, checked, code, plural
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import closest

_INIT_TYPOS = ("_init_", "__init", "init__", "__int__", "_init", "__init_", "init", "__innit__")


def _definition(context: Context, qualified: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    functions = context.source.functions
    return functions.get(qualified) or functions.get(qualified.rsplit(".", 1)[-1])


def _signature(context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    return f"def {function.name}({ast.unparse(function.args)})"


def _is_method(context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(function in cls.body for cls in context.source.classes.values())


def _is_static(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(d, ast.Name) and d.id in {"staticmethod", "classmethod"}
        for d in function.decorator_list
    )


@explains(
    "TypeError",
    pattern=(
        r"(?P<func>[\w.]+)\(\) takes (?:from \d+ to )?(?P<takes>\d+) positional arguments? "
        r"but (?P<given>\d+) (?:was|were) given"
    ),
)
def wrong_positional_count(context: Context, match: re.Match[str]) -> Explanation | None:
    qualified, takes, given = match["func"], int(match["takes"]), int(match["given"])
    function = _definition(context, qualified)
    if (
        function is not None
        and _is_method(context, function)
        and not _is_static(function)
        and (not function.args.args or function.args.args[0].arg not in {"self", "cls"})
    ):
        return _missing_self(context, function, takes, given)
    signature = code(_signature(context, function)) if function is not None else None
    defined = f" It is defined as {signature}." if signature else ""
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {code(qualified + '()')} accepts "
            f"{plural(takes, 'positional argument')}, but the call passes {given}.{defined}"
        ),
        hints=(
            f"{context.at} calls {code(qualified + '()')} with too many arguments.",
            f"The function's parameter list names {takes}; every extra value in the call has "
            "no parameter to go to." + defined,
            "Make the call match the definition: one value per parameter, in order (or add "
            "the missing parameter to the `def`).",
        ),
        topic="functions",
    )


def _missing_self(
    context: Context, function: ast.FunctionDef | ast.AsyncFunctionDef, takes: int, given: int
) -> Explanation:
    solution = add_self_parameter(context, function)
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: the method {code(function.name + '()')} is "
            f"missing `self`. When you call `obj.{function.name}(...)`, Python passes the "
            f"object itself as the first argument - that is the extra argument ({given} given, "
            f"{takes} expected)."
        ),
        hints=(
            f"{context.at} calls the method {code(function.name + '()')}, defined on line "
            f"{function.lineno} as {code(_signature(context, function))}.",
            "Every method receives the object it was called on as its first parameter, and "
            f"{code(function.name + '()')} has no parameter to receive it.",
            "Add `self` as the first parameter of every method: `def method(self, ...)`.",
        ),
        topic="classes",
        solution=checked(context, solution),
    )


@explains(
    "TypeError",
    pattern=(
        r"(?P<func>[\w.]+)\(\) missing (?P<count>\d+) required (?:positional|keyword-only) "
        r"arguments?: (?P<names>.+)"
    ),
)
def missing_arguments(context: Context, match: re.Match[str]) -> Explanation | None:
    qualified, names = match["func"], match["names"]
    function = _definition(context, qualified)
    defined = f" It is defined as {code(_signature(context, function))}." if function else ""
    creating = qualified.endswith("__init__")
    subject = (
        f"a {code(qualified.split('.')[0])} object is created"
        if creating
        else f"{code(qualified + '()')} is called"
    )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {subject} without a value for {names}.{defined}"
        ),
        hints=(
            f"{context.at} passes too few arguments: {names} got no value.",
            f"Each parameter without a default needs an argument in the call.{defined}",
            "Pass one value per parameter, or give the parameter a default value in the "
            "`def` (`def f(a, b=0):`)."
            + (" For classes, the arguments go inside `ClassName(...)`." if creating else ""),
        ),
        topic="classes" if creating else "functions",
    )


@explains(
    "TypeError", pattern=r"(?P<func>[\w.]+)\(\) got an unexpected keyword argument '(?P<kw>\w+)'"
)
def unexpected_keyword(context: Context, match: re.Match[str]) -> Explanation | None:
    qualified, keyword = match["func"], match["kw"]
    function = _definition(context, qualified)
    parameters = [a.arg for a in function.args.args + function.args.kwonlyargs] if function else []
    suggestion = closest(keyword, parameters)
    solution = None
    if suggestion is not None:
        keywords = [k for c in context.nodes(ast.Call) for k in c.keywords if k.arg == keyword]
        if len(keywords) == 1:
            value = context.source.segment(keywords[0].value)
            solution = checked(
                context, replace_node(context.source.code, keywords[0], f"{suggestion}={value}")
            )
    did_you_mean = f" Did you mean {code(suggestion)}?" if suggestion else ""
    known = ", ".join(code(p) for p in parameters) or "none"
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {code(qualified + '()')} has no parameter "
            f"called {code(keyword)}.{did_you_mean}"
        ),
        hints=(
            f"{context.at} passes `{keyword}=...` to {code(qualified + '()')}.",
            f"Its parameters are: {known}.{did_you_mean}",
            "Keyword arguments must use exactly the parameter names from the `def` line.",
        ),
        topic="functions",
        solution=solution,
    )


@explains("TypeError", pattern=r"(?P<cls>\w+)\(\) takes no arguments")
def class_without_init(context: Context, match: re.Match[str]) -> Explanation | None:
    class_name = match["cls"]
    cls = context.source.classes.get(class_name)
    if cls is None:
        return None
    misspelled = next(
        (
            item
            for item in cls.body
            if isinstance(item, ast.FunctionDef)
            and (item.name in _INIT_TYPOS or closest(item.name, ["__init__"], cutoff=0.7))
        ),
        None,
    )
    solution = None
    if misspelled is not None:
        header = context.source.line(misspelled.lineno)
        fixed = header.replace(f"def {misspelled.name}(", "def __init__(", 1)
        lines = context.source.code.split("\n")
        lines[misspelled.lineno - 1] = fixed
        solution = checked(context, "\n".join(lines))
    why = (
        f"Line {misspelled.lineno} defines {code(misspelled.name)}, which is not the special "
        "name `__init__` (two underscores on each side), so Python never uses it."
        if misspelled
        else f"{code(class_name)} has no `__init__` method, so it cannot take arguments."
    )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {code(class_name + '(...)')} was given "
            f"arguments, but the class has no `__init__` to receive them. {why}"
        ),
        hints=(
            f"{context.at} creates a {code(class_name)} with arguments.",
            why,
            "Define `def __init__(self, ...):` - exactly two underscores before and after "
            "`init` - to accept arguments when creating objects.",
        ),
        topic="classes",
        solution=solution,
    )

"""Errors caused by a value that is unexpectedly `None`, and where that `None` came from."""

import ast
import re
from dataclasses import dataclass

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.logic_slips import print_to_return

# Methods that change the object in place and return None.
IN_PLACE_METHODS = frozenset(
    {"sort", "append", "extend", "insert", "reverse", "remove", "clear", "update", "add", "shuffle"}
)

_OPERATIONS = {
    "subscript": "index {x} with `[...]`",
    "operand": "do arithmetic with {x}",
    "callable": "call {x} like a function",
    "iterable": "loop over {x}",
    "unpack": "unpack {x} into several variables",
    "attribute": "use an attribute of {x}",
    "len": "take the `len()` of {x}",
    "concatenate": "join {x} to a string with `+`",
    "convert": "convert {x} to a number",
}


_NEEDS_COLLECTION_OR_CALLABLE = frozenset({"subscript", "iterable", "len", "unpack", "callable"})


@dataclass(frozen=True)
class _Origin:
    name: str  # the expression that turned out to be None
    story: str  # where the None came from, for the student
    solution: str | None


def _none_candidates(context: Context) -> list[ast.expr]:
    """Expressions on the failing line that may be the None."""
    names = [n for n in context.nodes(ast.Name) if isinstance(n.ctx, ast.Load)]
    if context.problem.locals:
        names = [n for n in names if context.values.repr_of(n.id) == "None"]
    # `print(...)` on the failing line is only displaying; its own None matters when stored.
    calls: list[ast.expr] = [
        c
        for c in context.nodes(ast.Call)
        if isinstance(c.func, ast.Attribute)
        or (isinstance(c.func, ast.Name) and c.func.id != "print")
    ]
    return [*names, *calls]


def _assignment_of(context: Context, name: str) -> ast.Assign | None:
    """The latest `name = ...` at or before the failing line."""
    best: ast.Assign | None = None
    for node in context.source.nodes(ast.Assign):
        if (
            len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id == name
            and (context.line is None or node.lineno <= context.line)
            and (best is None or node.lineno > best.lineno)
        ):
            best = node
    return best


def _origin_of_call(
    context: Context, call: ast.Call, holder: str | None, operation: str
) -> _Origin | None:
    func = call.func
    shown = context.source.segment(call)
    if isinstance(func, ast.Name) and func.id == "print":
        return _Origin(
            name=holder or shown,
            story=f"{code(shown)} only displays text; `print()` itself returns `None`.",
            solution=None,
        )
    if isinstance(func, ast.Name) and func.id in context.source.functions:
        function = context.source.functions[func.id]
        returns = any(
            isinstance(node, ast.Return) and node.value is not None for node in ast.walk(function)
        )
        if returns:
            return _Origin(
                name=holder or shown,
                story=(
                    f"{code(func.id + '()')} reaches its end without a `return` on some path "
                    "(for example when no `if` branch matches), and then it returns `None`."
                ),
                solution=None,
            )
        prints = any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "print"
            for node in ast.walk(function)
        )
        story = (
            f"{code(func.id + '()')} *prints* its result instead of *returning* it, so "
            f"{code(shown)} gives back `None`."
            if prints
            else (
                f"{code(func.id + '()')} has no `return` statement, so {code(shown)} gives back "
                f"`None`."
            )
        )
        return _Origin(
            name=holder or shown,
            story=story,
            solution=(
                checked(context, print_to_return(context.source, function))
                if _return_fits(function, operation)
                else None
            ),
        )
    if isinstance(func, ast.Attribute) and func.attr in IN_PLACE_METHODS:
        receiver = context.source.segment(func.value)
        return _Origin(
            name=holder or shown,
            story=(
                f"`.{func.attr}()` changes {code(receiver)} in place and returns `None`, so "
                f"storing its result stores `None`."
            ),
            solution=_in_place_fix(context, call, holder, receiver, func.attr),
        )
    if isinstance(func, ast.Attribute) and func.attr == "get":
        return _Origin(
            name=holder or shown,
            story=f"{code(shown)} returns `None` when the key is not in the dictionary.",
            solution=None,
        )
    if isinstance(func, ast.Attribute) and func.attr in {"match", "search", "fullmatch"}:
        return _Origin(
            name=holder or shown,
            story=f"{code(shown)} returns `None` when the pattern does not match.",
            solution=None,
        )
    return None


def _in_place_fix(
    context: Context, call: ast.Call, holder: str | None, receiver: str, method: str
) -> str | None:
    statement = context.source.parent(call)
    if not isinstance(statement, ast.Assign) or holder is None:
        return None
    if holder == receiver:
        return checked(
            context, replace_node(context.source.code, statement, context.source.segment(call))
        )
    if method == "sort" and not call.args and not call.keywords:
        return checked(context, replace_node(context.source.code, call, f"sorted({receiver})"))
    return None


def _return_fits(function: ast.FunctionDef | ast.AsyncFunctionDef, operation: str) -> bool:
    """Whether returning the printed value could satisfy the failing operation.

    `print(3)` turned into `return 3` still breaks `for x in f():`; offer that fix only
    when the printed value is not a plain number used as a collection or a function.
    """
    last = function.body[-1]
    printed = (
        last.value.args[0]
        if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and last.value.args
        else None
    )
    is_number = isinstance(printed, ast.Constant) and isinstance(printed.value, int | float)
    return not (is_number and operation in _NEEDS_COLLECTION_OR_CALLABLE)


def _find_origin(context: Context, operation: str) -> _Origin | None:
    for candidate in _none_candidates(context):
        if isinstance(candidate, ast.Call):
            origin = _origin_of_call(context, candidate, None, operation)
            if origin is not None:
                return origin
            continue
        if not isinstance(candidate, ast.Name):
            continue
        assignment = _assignment_of(context, candidate.id)
        if assignment is None:
            continue
        if isinstance(assignment.value, ast.Call):
            origin = _origin_of_call(context, assignment.value, candidate.id, operation)
            if origin is not None:
                return origin
        if isinstance(assignment.value, ast.Constant) and assignment.value.value is None:
            return _Origin(
                name=candidate.id,
                story=(
                    f"{code(candidate.id)} was set to `None` on line {assignment.lineno} and "
                    "still holds it here."
                ),
                solution=None,
            )
    return None


@explains(
    "TypeError",
    "AttributeError",
    pattern=(
        r"'NoneType' object is not (?P<subscript>subscriptable)"
        r"|'NoneType' object is not (?P<callable>callable)"
        r"|'NoneType' object is not (?P<iterable>iterable)"
        r"|unsupported (?P<operand>operand) type\(s\) for \S+: (?:'NoneType' and|.*and 'NoneType')"
        r"|cannot (?P<unpack>unpack) non-iterable NoneType"
        r"|'NoneType' object has no (?P<attribute>attribute) '(?P<attr>\w+)'"
        r"|object of type 'NoneType' has no (?P<len>len)"
        r"|can only (?P<concatenate>concatenate) str \(not \"NoneType\"\)"
        r"|argument must be .*, not 'NoneType'(?P<convert>)"
    ),
)
def none_value(context: Context, match: re.Match[str]) -> Explanation | None:
    operation_key = next(
        (
            key
            for key, value in match.groupdict().items()
            if key in _OPERATIONS and value is not None
        ),
        "",
    )
    operation = _OPERATIONS.get(operation_key, "use {x}")
    origin = _find_origin(context, operation_key)
    kind = context.problem.type
    if origin is None:
        return Explanation(
            summary=(
                f"**{kind}** on {context.where}: a value here is `None` (nothing), and you "
                f"cannot {operation.format(x='it')}. Usually it comes from a function with no "
                f"`return`, or "
                "from a method like `.sort()` that changes a list in place and returns `None`."
            ),
            hints=(
                f"{context.at} tries to {operation.format(x='a value')}, but that value is `None`.",
                "Find where the value was created: a function that `print`s instead of "
                "`return`ing, `x = my_list.sort()`, or a `.get()` / `re.match()` that found "
                "nothing all produce `None`.",
                "Make sure functions `return` their result, and don't store the result of "
                "in-place methods such as `.sort()`, `.append()` or `.reverse()`.",
            ),
            topic="functions",
        )
    return Explanation(
        summary=(
            f"**{kind}** on {context.where}: {code(origin.name)} is `None`, so you cannot "
            f"{operation.format(x='it')}. {origin.story}"
        ),
        hints=(
            f"{context.at} tries to {operation.format(x=code(origin.name))}, which is `None`.",
            origin.story,
            "A function hands back only what it `return`s (`print` just shows it), and "
            "in-place methods like `.sort()` or `.append()` return `None` - call them on "
            "their own line and keep using the original list.",
        ),
        topic="lists" if "in place" in origin.story else "functions",
        solution=origin.solution,
    )

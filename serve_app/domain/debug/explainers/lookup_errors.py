"""IndexError and KeyError: asking a list, string or dict for something it does not have."""

import ast
import re
from dataclasses import dataclass

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code, plural
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import closest
from serve_app.domain.debug.values import UNKNOWN, Unknown


@dataclass(frozen=True)
class _Access:
    container: str  # source text of the indexed expression
    index_text: str
    length: int | None
    index: int | None
    index_is_guess: bool  # derived from the loop's range rather than the variable itself


def _loop_range_last(context: Context, index_name: str) -> int | None:
    """For `for i in range(...)` around the line, the last value `i` takes."""
    for loop in context.nodes(ast.For):
        call = loop.iter
        if (
            isinstance(loop.target, ast.Name)
            and loop.target.id == index_name
            and isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "range"
            and 1 <= len(call.args) <= 2
        ):
            stop = context.values.evaluate(call.args[-1])
            if isinstance(stop, int):
                return stop - 1
    return None


def _accesses(context: Context) -> list[_Access]:
    found: list[_Access] = []
    for node in context.nodes(ast.Subscript):
        if isinstance(node.slice, ast.Slice) or not isinstance(node.ctx, ast.Load | ast.Store):
            continue
        value = context.values.evaluate(node.value)
        length = len(value) if isinstance(value, list | tuple | str) else None
        index = context.values.evaluate(node.slice)
        guess = False
        if not isinstance(index, int) and isinstance(node.slice, ast.Name):
            index = _loop_range_last(context, node.slice.id)
            guess = index is not None
        found.append(
            _Access(
                container=context.source.segment(node.value),
                index_text=context.source.segment(node.slice),
                length=length,
                index=index if isinstance(index, int) else None,
                index_is_guess=guess,
            )
        )
    return found


def _out_of_range(access: _Access) -> bool:
    if access.length is None or access.index is None:
        return False
    return not -access.length <= access.index < access.length


def _pick(accesses: list[_Access]) -> _Access | None:
    for access in accesses:
        if _out_of_range(access):
            return access
    known = [a for a in accesses if a.length is not None]
    if len(known) == 1:
        return known[0]
    return accesses[0] if len(accesses) == 1 else None


@explains("IndexError", pattern=r"(?P<kind>list|string|tuple|range object) index out of range")
def index_out_of_range(context: Context, match: re.Match[str]) -> Explanation | None:
    kind = match["kind"].replace(" object", "")
    access = _pick(_accesses(context))
    finding = context.finding("range_past_end", "true_division_as_index")
    solution = checked(context, finding.solution) if finding else None

    if access is None:
        detail = f"the code asks the {kind} for a position that does not exist."
        why = f"Positions in a {kind} go from 0 to its length minus 1."
    else:
        name = code(access.container)
        unit = "character" if kind == "string" else "item"
        if access.length is not None:
            size = (
                f"{name} has {plural(access.length, unit)}, so its valid indexes are "
                f"0 to {access.length - 1}"
                if access.length
                else f"{name} is empty, so it has no valid index at all"
            )
        else:
            size = f"{name} is shorter than the code expects"
        if access.index is not None:
            probably = "probably " if access.index_is_guess else ""
            used = (
                f"`{access.container}[{access.index_text}]` {probably}asks for index {access.index}"
            )
            if access.index_text != str(access.index):
                used += f" ({code(access.index_text)} is {probably}{access.index})"
        else:
            used = f"`{access.container}[{access.index_text}]` asks for a position past the end"
        detail = f"{size}, but {used}."
        why = (
            f"{size[0].upper()}{size[1:]}; {used}. Indexes start at 0, so the last one is "
            "always the length minus 1."
        )
    if finding is not None:
        why += f" {finding.message}"
    return Explanation(
        summary=f"**IndexError** on {context.where}: {detail}",
        hints=(
            f"{context.at} reads a {kind} at an index that is out of range.",
            why,
            "Keep indexes below `len(...)`: loop with `for i in range(len(items))`, or better "
            "`for item in items`, and check `if i < len(items)` before indexing by hand.",
        ),
        topic="strings" if kind == "string" else "lists",
        solution=solution,
    )


@explains("IndexError", pattern=r"pop from empty (?P<kind>list|deque)")
def pop_from_empty(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**IndexError** on {context.where}: `.pop()` was called on an empty "
            f"{match['kind']} - there was nothing left to take out."
        ),
        hints=(
            f"{context.at} pops from a {match['kind']} that is already empty.",
            "Every `.pop()` removes one item; by this point all items were removed already "
            "(or none were ever added).",
            "Check that the list is not empty first: `if items: items.pop()`, or "
            "loop `while items:`.",
        ),
        topic="lists",
    )


def _dict_accesses(context: Context) -> list[tuple[str, list[object] | Unknown]]:
    found: list[tuple[str, list[object] | Unknown]] = []
    for node in context.nodes(ast.Subscript):
        if isinstance(node.value, ast.Name):
            found.append((node.value.id, context.values.dict_keys(node.value.id)))
    for call in context.nodes(ast.Call):
        func = call.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in {"pop", "remove"}
            and isinstance(func.value, ast.Name)
        ):
            found.append((func.value.id, context.values.dict_keys(func.value.id)))
    return found


@explains("KeyError")
def missing_key(context: Context, match: re.Match[str]) -> Explanation | None:
    key_text = context.problem.message.strip() or "that key"
    candidates = _dict_accesses(context)
    known = [(name, keys) for name, keys in candidates if not isinstance(keys, Unknown)]
    keys: list[object] | Unknown = UNKNOWN
    if known:
        name, keys = known[0]
    else:
        name = candidates[0][0] if candidates else ""
    dict_name = code(name) if name else "the dictionary"
    summary = f"**KeyError** on {context.where}: {dict_name} has no key {code(key_text)}."
    why = f"A dictionary only answers for keys that were put into it; {code(key_text)} never was."
    solution = None
    if not isinstance(keys, Unknown):
        listed = ", ".join(repr(k) for k in keys[:12]) + (", ..." if len(keys) > 12 else "")
        available = f"Its keys are: {listed}." if keys else "It is empty."
        summary += f" {available}"
        why = f"{dict_name} holds {plural(len(keys), 'key')}: {listed or 'none'}."
        missing = _key_value(key_text)
        similar = (
            closest(missing, [k for k in keys if isinstance(k, str)], cutoff=0.7)
            if isinstance(missing, str)
            else None
        )
        if similar is not None:
            summary += f" Did you mean {code(repr(similar))}?"
            why += (
                f" {code(repr(similar))} is very close to {code(key_text)} - check spelling and "
                f"case."
            )
            solution = _replace_key_literal(context, missing, similar)
        elif isinstance(missing, str) and str(missing).isdigit() and int(missing) in keys:
            why += " The keys are numbers but you looked up text: convert with `int(...)`."
    return Explanation(
        summary=summary,
        hints=(
            f"{context.at} looks up the key {code(key_text)} in {dict_name}.",
            why,
            "Check with `if key in my_dict:` before reading, or use "
            "`my_dict.get(key, default)` to get a fallback instead of an error.",
        ),
        topic="dicts",
        solution=solution,
    )


def _key_value(text: str) -> object:
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _replace_key_literal(context: Context, wrong: object, right: str) -> str | None:
    targets = [
        node
        for node in context.nodes(ast.Constant)
        if node.value == wrong and node.lineno == context.line
    ]
    if len(targets) != 1:
        return None
    return checked(context, replace_node(context.source.code, targets[0], repr(right)))

"""TypeError from changing what cannot change: item assignment, unhashable keys."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import describe


@explains("TypeError", pattern=r"'(?P<type>\w+)' object does not support item assignment")
def immutable_item_assignment(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    targets = [n for n in context.nodes(ast.Subscript) if isinstance(n.ctx, ast.Store)]
    target = code(context.source.segment(targets[0])) if targets else "an item"
    how = (
        "Build a new string instead: slicing and `+` (`s = s[:i] + 'x' + s[i+1:]`), "
        "`.replace()`, or turn it into a list of characters, change that, then `''.join(...)`."
        if type_name == "str"
        else "Use a list if the items must change, or build a new tuple."
    )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {target} tries to change one item of "
            f"{describe(type_name)}, but {type_name} values are *immutable* - they cannot be "
            "changed in place."
        ),
        hints=(
            f"{context.at} assigns to {target}.",
            f"Once created, {describe(type_name)} never changes; you can only make a new one.",
            how,
        ),
        topic="strings" if type_name == "str" else "tuples",
    )


@explains("TypeError", pattern=r"unhashable type: '(?P<type>\w+)'")
def unhashable(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    literal_keys: list[ast.List] = []
    for node in context.nodes(ast.Dict):
        literal_keys += [k for k in node.keys if isinstance(k, ast.List)]
    for set_node in context.nodes(ast.Set):
        literal_keys += [e for e in set_node.elts if isinstance(e, ast.List)]
    for call in context.nodes(ast.Call):
        if isinstance(call.func, ast.Attribute) and call.func.attr == "add":
            literal_keys += [a for a in call.args if isinstance(a, ast.List)]
    for subscript in context.nodes(ast.Subscript):
        if isinstance(subscript.slice, ast.List):
            literal_keys.append(subscript.slice)
    code_text = context.source.code
    for key in sorted(literal_keys, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        inner = ", ".join(context.source.segment(e) for e in key.elts)
        trailing = "," if len(key.elts) == 1 else ""
        code_text = replace_node(code_text, key, f"({inner}{trailing})")
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {describe(type_name)} was used as a dictionary "
            "key or a set member. Keys must be *hashable* (unchangeable) values such as "
            "numbers, strings or tuples."
        ),
        hints=(
            f"{context.at} puts {describe(type_name)} where a dict key or set item is needed.",
            f"Dicts and sets find items by a fixed hash; {describe(type_name)} can change, "
            "so it has no fixed hash.",
            "Use a tuple instead of a list (`(1, 2)` instead of `[1, 2]`), or a frozenset "
            "instead of a set.",
        ),
        topic="dicts",
        solution=checked(context, code_text) if literal_keys else None,
    )

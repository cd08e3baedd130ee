"""AttributeError: asking an object for a method or attribute it does not have."""

import ast
import importlib
import re

from serve_app.domain.debug.edits import replace_span
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import closest
from serve_app.domain.debug.source import char_column
from serve_app.domain.topics import Topic

_BUILTIN_TYPES: dict[str, type] = {
    "list": list, "str": str, "dict": dict, "int": int, "float": float, "set": set,
    "tuple": tuple, "bool": bool,
}  # fmt: skip
# Modules whose attribute names we read to suggest corrections; importing them is harmless.
_INSPECTABLE_MODULES = frozenset(
    {"math", "random", "string", "statistics", "itertools", "collections", "functools",
     "datetime", "json", "re", "time", "operator", "fractions", "decimal", "copy", "heapq",
     "bisect"}
)  # fmt: skip
# Names from other languages or guesses, with the Python way to do it.
_ADVICE: dict[tuple[str, str], str] = {
    ("list", "push"): "`.append(x)` adds an item to the end of a list",
    ("list", "add"): "`.append(x)` adds an item to a list (`.add` is for sets)",
    ("list", "length"): "use `len(my_list)` to get the length",
    ("list", "size"): "use `len(my_list)` to get the length",
    ("list", "len"): "use `len(my_list)` to get the length",
    ("list", "lenght"): "use `len(my_list)` to get the length",
    ("list", "contains"): "use `x in my_list` to test membership",
    ("list", "find"): "use `my_list.index(x)` or `x in my_list`",
    ("list", "split"): "only strings have `.split()`; this value is already a list",
    ("str", "append"): "strings cannot grow in place: use `text = text + 'more'`",
    ("str", "length"): "use `len(text)` to get the length",
    ("str", "len"): "use `len(text)` to get the length",
    ("str", "size"): "use `len(text)` to get the length",
    ("str", "contains"): "use `'sub' in text` to test membership",
    ("str", "reverse"): "use slicing: `text[::-1]`",
    ("str", "toUpperCase"): "use `text.upper()`",
    ("str", "toLowerCase"): "use `text.lower()`",
    ("dict", "has_key"): "use `key in my_dict`",
    ("dict", "iteritems"): "use `my_dict.items()`",
    ("dict", "append"): "dicts store key/value pairs: use `my_dict[key] = value`",
    ("dict", "add"): "dicts store key/value pairs: use `my_dict[key] = value`",
    ("tuple", "append"): "tuples cannot change: use a list, or build a new tuple",
    ("int", "append"): "this variable holds a number; did you mean to make it a list (`[]`)?",
    ("set", "append"): "sets use `.add(x)`",
}


# Where the advice names a single method to use instead, the fix is a rename.
_RENAMES: dict[tuple[str, str], str] = {
    ("list", "push"): "append",
    ("list", "add"): "append",
    ("set", "append"): "add",
    ("dict", "iteritems"): "items",
    ("str", "toUpperCase"): "upper",
    ("str", "toLowerCase"): "lower",
}


def _public(names: list[str]) -> list[str]:
    return [name for name in names if not name.startswith("_")]


def _class_attributes(context: Context, class_name: str) -> list[str]:
    cls = context.source.classes.get(class_name)
    if cls is None:
        return []
    names: list[str] = []
    for node in ast.walk(cls):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
        ):
            names.append(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.append(node.id)
    for base in cls.bases:
        if isinstance(base, ast.Name):
            names += _class_attributes(context, base.id)
    return names


def _rename_attribute(context: Context, wrong: str, right: str) -> str | None:
    """Rename `.wrong` to `.right` on the failing line."""
    targets = [n for n in context.nodes(ast.Attribute) if n.attr == wrong]
    if len(targets) != 1 or targets[0].end_lineno != targets[0].lineno:
        return None
    node = targets[0]
    line_text = context.source.line(node.lineno)
    end = char_column(line_text, node.end_col_offset or 0)
    start = end - len(wrong)
    if line_text[start:end] != wrong:
        return None
    return checked(
        context, replace_span(context.source.code, (node.lineno, start), (node.lineno, end), right)
    )


def _explain(
    context: Context,
    owner: str,
    attr: str,
    known: list[str],
    topic: Topic,
    advice: str | None = None,
    renamed_to: str | None = None,
) -> Explanation:
    suggestion = closest(attr, known) if advice is None else None
    rename = suggestion or renamed_to
    solution = _rename_attribute(context, attr, rename) if rename else None
    tip = (
        f" {advice[0].upper()}{advice[1:]}."
        if advice
        else f" Did you mean {code('.' + suggestion)}?"
        if suggestion
        else ""
    )
    capitalised = owner[0].upper() + owner[1:]
    why = (
        f"{capitalised} has no {code(attr)}.{tip}"
        if tip
        else f"{capitalised} has no {code(attr)}; its names are things like "
        + ", ".join(code(n) for n in known[:8])
        + "."
    )
    return Explanation(
        summary=f"**AttributeError** on {context.where}: {why}",
        hints=(
            f"{context.at} asks {owner} for {code('.' + attr)}, which does not exist.",
            why,
            "Check the spelling and the type of the value (`print(type(x))`), and look up the "
            "available methods with `dir(x)` or `help(x)`.",
        ),
        topic=topic,
        solution=solution,
    )


_TOPICS: dict[str, Topic] = {
    "list": "lists", "str": "strings", "dict": "dicts", "tuple": "tuples", "set": "sets",
    "int": "variables", "float": "variables", "bool": "variables",
}  # fmt: skip


@explains("AttributeError", pattern=r"^'(?P<type>\w+)' object has no attribute '(?P<attr>\w+)'")
def missing_attribute(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name, attr = match["type"], match["attr"]
    if type_name == "NoneType":
        return None
    builtin = _BUILTIN_TYPES.get(type_name)
    if builtin is not None:
        known = _public(dir(builtin))
        owner = f"a `{type_name}`"
        topic = _TOPICS[type_name]
    else:
        known = _class_attributes(context, type_name)
        owner = f"a {code(type_name)} object"
        topic = "classes"
    if not known and builtin is None and type_name not in context.source.classes:
        return None
    return _explain(
        context,
        owner,
        attr,
        known,
        topic,
        advice=_ADVICE.get((type_name, attr)),
        renamed_to=_RENAMES.get((type_name, attr)),
    )


@explains(
    "AttributeError", pattern=r"^module '(?P<module>[\w.]+)' has no attribute '(?P<attr>\w+)'"
)
def missing_module_attribute(context: Context, match: re.Match[str]) -> Explanation | None:
    module, attr = match["module"], match["attr"]
    known: list[str] = []
    if module in _INSPECTABLE_MODULES:
        known = _public(dir(importlib.import_module(module)))
    return _explain(context, f"the module {code(module)}", attr, known, "modules")


@explains("AttributeError", pattern=r"^type object '(?P<cls>\w+)' has no attribute '(?P<attr>\w+)'")
def missing_class_attribute(context: Context, match: re.Match[str]) -> Explanation | None:
    class_name, attr = match["cls"], match["attr"]
    known = _class_attributes(context, class_name)
    instance_only = attr in known
    if instance_only:
        why = (
            f"{code(attr)} is set on each object (`self.{attr} = ...` in a method), so it "
            f"exists on instances, not on the class {code(class_name)} itself."
        )
        return Explanation(
            summary=(
                f"**AttributeError** on {context.where}: {why} Create an object first: `obj = "
                f"{class_name}(...)`."
            ),
            hints=(
                f"{context.at} reads {code(class_name + '.' + attr)} from the class itself.",
                why,
                "Create an instance (`obj = ClassName(...)`) and use `obj.attribute`.",
            ),
            topic="classes",
        )
    return _explain(context, f"the class {code(class_name)}", attr, known, "classes")

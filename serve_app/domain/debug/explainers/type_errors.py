"""TypeError: an operation got a value of the wrong type."""

import ast
import re

from serve_app.domain.debug.edits import replace_node, replace_nodes
from serve_app.domain.debug.explainers.common import (
    checked,
    code,
    comes_from_input,
    convert_input,
)
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import BUILTIN_NAMES
from serve_app.domain.debug.values import UNKNOWN

_TYPE_WORDS = {
    "int": "a whole number (int)",
    "float": "a decimal number (float)",
    "str": "text (str)",
    "list": "a list",
    "dict": "a dictionary",
    "tuple": "a tuple",
    "set": "a set",
    "bool": "a True/False value (bool)",
    "function": "a function",
    "builtin_function_or_method": "a built-in function",
    "method": "a method",
}
_NUMBERS = {"int", "float", "bool"}


def describe(type_name: str) -> str:
    return _TYPE_WORDS.get(type_name, f"a `{type_name}`")


def _add_chain(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _add_chain(node.left) + _add_chain(node.right)
    return [node]


def _is_text(context: Context, node: ast.expr) -> bool | None:
    """True/False when the engine knows whether `node` is a string; None when unsure."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"str", "input", "repr", "chr"}:
            return True
        if isinstance(func, ast.Name) and func.id in {"int", "float", "len", "sum", "round"}:
            return False
        if isinstance(func, ast.Attribute) and func.attr in {
            "upper",
            "lower",
            "strip",
            "format",
            "join",
            "title",
            "replace",
        }:
            return True
        return None
    if isinstance(node, ast.Name):
        value = context.values.of(node.id)
        if value is not UNKNOWN:
            return isinstance(value, str)
    return None


def _outermost_add(context: Context) -> ast.BinOp | None:
    adds = [
        node
        for node in context.nodes(ast.BinOp)
        if isinstance(node.op, ast.Add)
        and not isinstance(context.source.parent(node), ast.BinOp)
        and any(_is_text(context, leaf) for leaf in _add_chain(node))
    ]
    return adds[0] if adds else None


@explains("TypeError", pattern=r'can only concatenate str \(not "(?P<other>\w+)"\) to str')
def str_plus_other(context: Context, match: re.Match[str]) -> Explanation | None:
    other = match["other"]
    chain = _outermost_add(context)
    offenders: list[ast.expr] = []
    if chain is not None:
        offenders = [leaf for leaf in _add_chain(chain) if _is_text(context, leaf) is not True]
    named = ", ".join(code(context.source.segment(node)) for node in offenders)
    detail = (
        f"{named} {'is' if len(offenders) == 1 else 'are'} {describe(other)}, not text"
        if offenders
        else f"one of the pieces is {describe(other)}, not text"
    )
    for node in offenders:
        if isinstance(node, ast.Name) and (shown := context.values.repr_of(node.id)) is not None:
            detail += f" ({code(node.id)} is {code(shown)})"
            break
    solution = None
    if offenders and other in _NUMBERS:
        solution = _wrap_each(context, offenders, "str")
    example = (
        f'f-string such as `f"...{{{context.source.segment(offenders[0])}}}"`'
        if offenders
        else "f-string"
    )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: `+` can join text to text only, but {detail}. "
            f"Convert it with `str(...)` or use an {example}."
        ),
        hints=(
            f"{context.at} uses `+` to join a string with {describe(other)}.",
            f"Python will not guess how to mix types: {detail}, and `+` between text and "
            f"{describe(other)} is not defined.",
            "Turn numbers into text first with `str(number)`, or build the text with an "
            'f-string: `f"Total: {total}"`.',
        ),
        topic="strings",
        solution=solution,
    )


def _wrap_each(context: Context, nodes: list[ast.expr], converter: str) -> str | None:
    code_text = context.source.code
    for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        code_text = replace_node(code_text, node, f"{converter}({context.source.segment(node)})")
    return checked(context, code_text)


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
    if operation is not None and {left, right} & {"str"} and {left, right} & _NUMBERS:
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


def _division_in(context: Context, nodes: list[ast.expr]) -> list[ast.BinOp]:
    return [
        node
        for root in nodes
        for node in ast.walk(root)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)
    ]


def _floor_divisions(context: Context, divisions: list[ast.BinOp]) -> str | None:
    code_text = context.source.code
    for division in sorted(divisions, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        left, right = context.source.segment(division.left), context.source.segment(division.right)
        code_text = replace_node(code_text, division, f"{left} // {right}")
    return checked(context, code_text) if divisions else None


@explains(
    "TypeError",
    pattern=(
        r"(?P<seq>list|tuple|string) indices must be integers(?: or slices)?(?:, not "
        r"'?(?P<type>\w+)'?)?"
    ),
)
def bad_index_type(context: Context, match: re.Match[str]) -> Explanation | None:
    seq, type_name = match["seq"], match["type"] or "str"
    subscripts = [s for s in context.nodes(ast.Subscript) if not isinstance(s.slice, ast.Slice)]
    index_nodes: list[ast.expr] = [s.slice for s in subscripts]
    solution = None
    why = (
        f"Positions in a {seq} are whole numbers (0, 1, 2...), but the index here is "
        f"{describe(type_name)}."
    )
    if type_name == "float":
        divisions = _division_in(context, index_nodes)
        finding = context.finding("true_division_as_index")
        solution = _floor_divisions(context, divisions) or (
            checked(context, finding.solution) if finding else None
        )
        why += " `/` always produces a float, even `4 / 2` is `2.0`."
    elif type_name == "str" and seq != "string":
        item_loop = _item_used_as_index(context, subscripts)
        if item_loop is not None:
            subscript, name = item_loop
            why = (
                f"{code(name)} is already an *item* of "
                f"{code(context.source.segment(subscript.value))} "
                "(the `for` loop hands you the items themselves), not a position."
            )
            solution = checked(context, replace_node(context.source.code, subscript, name))
        elif index_nodes and comes_from_input(context, index_nodes[0]):
            why += " Values from `input()` are text, even when they look like numbers."
            solution = convert_input(context, index_nodes[0], "int")
    elif seq == "string" and type_name == "str":
        why = (
            "You are using a text key on a string. This usually means the variable holds a "
            "string when you expected a dictionary - e.g. looping over a dict gives its *keys*."
        )
    shown = code(context.source.segment(subscripts[0])) if subscripts else f"the {seq}"
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: {shown} uses {describe(type_name)} as a {seq} "
            f"index. {why}"
        ),
        hints=(
            f"{context.at} indexes a {seq} with {describe(type_name)}.",
            why,
            "Index sequences with whole numbers: use `//` for division, `int(...)` to "
            "convert text, and loop with `for item in items` when you need the items.",
        ),
        topic="strings" if seq == "string" else "lists",
        solution=solution,
    )


def _item_used_as_index(
    context: Context, subscripts: list[ast.Subscript]
) -> tuple[ast.Subscript, str] | None:
    for loop in context.source.nodes(ast.For):
        if not (isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.Name)):
            continue
        for subscript in subscripts:
            if (
                isinstance(subscript.slice, ast.Name)
                and subscript.slice.id == loop.target.id
                and isinstance(subscript.value, ast.Name)
                and subscript.value.id == loop.iter.id
            ):
                return subscript, loop.target.id
    return None


@explains("TypeError", pattern=r"'(?P<type>\w+)' object cannot be interpreted as an integer")
def not_an_integer(context: Context, match: re.Match[str]) -> Explanation | None:
    type_name = match["type"]
    calls = [c for c in context.nodes(ast.Call) if isinstance(c.func, ast.Name)]
    arguments = [a for c in calls for a in c.args]
    solution = None
    if type_name == "float":
        why = (
            "`/` always gives a float (`10 / 2` is `5.0`), and `range()` only accepts whole "
            "numbers."
        )
        solution = _floor_divisions(context, _division_in(context, arguments))
    elif type_name == "str":
        source_arg = next((a for a in arguments if comes_from_input(context, a)), None)
        why = "`input()` always returns text, even when the user types digits."
        if source_arg is not None:
            solution = convert_input(context, source_arg, "int")
    else:
        why = f"Functions like `range()` need a whole number, but got {describe(type_name)}."
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: a whole number (int) was needed, but the "
            f"value is {describe(type_name)}. {why}"
        ),
        hints=(
            f"{context.at} passes {describe(type_name)} where an int is required.",
            why,
            "Use `//` for whole-number division and `int(...)` to turn text into a number.",
        ),
        topic="loops"
        if any(isinstance(c.func, ast.Name) and c.func.id == "range" for c in calls)
        else "variables",
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
    if compares and "str" in (left, right) and {left, right} & _NUMBERS:
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


@explains(
    "TypeError", pattern=r"sequence item (?P<index>\d+): expected str instance, (?P<type>\w+) found"
)
def join_non_strings(context: Context, match: re.Match[str]) -> Explanation | None:
    joins = [
        c
        for c in context.nodes(ast.Call)
        if isinstance(c.func, ast.Attribute) and c.func.attr == "join" and len(c.args) == 1
    ]
    solution = None
    if joins:
        argument = joins[0].args[0]
        solution = checked(
            context,
            replace_node(
                context.source.code, argument, f"map(str, {context.source.segment(argument)})"
            ),
        )
    return Explanation(
        summary=(
            f"**TypeError** on {context.where}: `.join()` glues strings together, but item "
            f"{match['index']} is {describe(match['type'])}."
        ),
        hints=(
            f"{context.at} joins a collection that contains non-text items.",
            "`.join()` does not convert numbers to text for you.",
            "Convert each item first: `', '.join(str(x) for x in items)` or `map(str, items)`.",
        ),
        topic="strings",
        solution=solution,
    )


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

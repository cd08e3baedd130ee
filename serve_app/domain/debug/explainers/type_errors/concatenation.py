"""TypeError from gluing text to non-text: `"Total: " + 5`, `", ".join([1, 2])`."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.explainers.type_errors.type_words import NUMBERS, describe
from serve_app.domain.debug.values import UNKNOWN


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
    if offenders and other in NUMBERS:
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

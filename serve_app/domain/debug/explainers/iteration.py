"""Iterators and loops: exhausted iterators and collections changed while looping."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains


@explains("StopIteration")
def exhausted_iterator(context: Context, match: re.Match[str]) -> Explanation | None:
    calls = [
        c
        for c in context.nodes(ast.Call)
        if isinstance(c.func, ast.Name) and c.func.id == "next" and c.args
    ]
    iterator = code(context.source.segment(calls[0].args[0])) if calls else "the iterator"
    return Explanation(
        summary=(
            f"**StopIteration** on {context.where}: `next()` asked {iterator} for another "
            "item, but it had none left. An iterator can be walked through only once."
        ),
        hints=(
            f"{context.at} calls `next()` on {iterator} after its last item.",
            "Each `next()` consumes one item; once all are used up the iterator is empty "
            "for good (looping over it earlier also uses it up).",
            "Use a `for` loop, which stops by itself, or give `next()` a default: "
            "`next(it, None)`; create a fresh iterator if you need to go through again.",
        ),
        topic="iterators",
    )


@explains(
    "RuntimeError",
    pattern=(
        r"(?P<kind>dictionary|Set|set|deque) (?:changed size|keys changed|mutated) during "
        r"iteration"
    ),
)
def changed_during_iteration(context: Context, match: re.Match[str]) -> Explanation | None:
    kind = "set" if match["kind"].lower() == "set" else match["kind"]
    loops = context.nodes(ast.For) or context.source.nodes(ast.For)
    loop = next((lp for lp in loops if lp.lineno == context.line), loops[0] if loops else None)
    solution = None
    iterated = "it"
    if loop is not None:
        iterated = code(context.source.segment(loop.iter))
        solution = checked(
            context,
            replace_node(
                context.source.code, loop.iter, f"list({context.source.segment(loop.iter)})"
            ),
        )
    return Explanation(
        summary=(
            f"**RuntimeError** on {context.where}: the loop walks through {iterated} while the "
            f"loop body adds or removes entries of that same {kind}. Python forbids changing "
            f"the size of a {kind} while looping over it."
        ),
        hints=(
            f"{context.at} loops over {iterated}, and the body changes it.",
            f"Adding or deleting entries moves things around inside the {kind}, so the loop "
            "would lose its place.",
            f"Loop over a snapshot - `for key in list(my_{kind}):` - or collect the changes "
            f"and apply them after the loop (or build a new {kind}).",
        ),
        topic="dicts" if kind == "dictionary" else "sets",
        solution=solution,
    )

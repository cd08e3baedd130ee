"""Loops that stop too early, skip items, or never stop."""

import ast

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.loops import infinite_loops
from serve_app.domain.debug.source import Source

_SEQUENCE_MUTATORS = frozenset({"remove", "append", "pop", "insert", "extend", "clear"})
_DICT_SET_MUTATORS = frozenset({"pop", "popitem", "add", "discard", "update", "setdefault"})


def check_mutation_while_iterating(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        iterated = loop.iter
        if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute):
            if iterated.func.attr not in {"keys", "values", "items"}:
                continue
            iterated = iterated.func.value
        if not isinstance(iterated, ast.Name):
            continue
        name = iterated.id
        for statement in loop.body:
            mutation = next(
                (
                    node
                    for node in ast.walk(statement)
                    if isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in _SEQUENCE_MUTATORS | _DICT_SET_MUTATORS
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == name
                ),
                None,
            )
            if mutation is None:
                continue
            grows = isinstance(mutation.func, ast.Attribute) and mutation.func.attr in {
                "append", "extend", "insert", "add", "update", "setdefault",
            }  # fmt: skip
            effect = "never ends" if grows else "skips items"
            findings.append(
                Finding(
                    kind="mutation_while_iterating",
                    line=mutation.lineno,
                    message=(
                        f"Line {mutation.lineno}: `{source.segment(mutation)}` changes "
                        f"`{name}` while the loop on line {loop.lineno} walks through it, so "
                        f"the loop {effect}."
                    ),
                    why=(
                        "A `for` loop keeps a position inside the collection; adding or "
                        "removing items shifts what is at that position."
                    ),
                    how=(
                        "Loop over a copy (`for x in list(items):`) or build a new collection "
                        "instead of changing the one you are looping over."
                    ),
                    topic="lists",
                    solution=proposed_fix(
                        replace_node(source.code, loop.iter, f"list({source.segment(loop.iter)})"),
                        source.code,
                    ),
                    subject=name,
                )
            )
            break
    return findings


def _return_after_loop(source: Source, loop: ast.For, statement: ast.Return) -> str | None:
    """Move a loop's trailing `return` out of the loop body, to run once the loop is done."""
    if statement.end_lineno != statement.lineno:
        return None
    indent = source.indentation(loop.lineno)
    text = source.line(statement.lineno).strip()
    lines = source.code.split("\n")
    lines[statement.lineno - 1] = indent + text
    return proposed_fix("\n".join(lines), source.code)


def check_return_in_first_iteration(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        last = loop.body[-1]
        if isinstance(last, ast.Return) and len(loop.body) > 1:
            findings.append(
                Finding(
                    kind="return_in_first_iteration",
                    line=last.lineno,
                    message=(
                        f"Line {last.lineno}: `{source.line(last.lineno).strip()}` is inside the "
                        f"loop on line {loop.lineno}, so the function returns during the first "
                        "pass and the other items are never processed."
                    ),
                    why="`return` leaves the whole function at once, loop included.",
                    how=(
                        "Put the `return` after the loop (one indentation level less), so it "
                        "runs once every item has been processed."
                    ),
                    topic="loops",
                    solution=_return_after_loop(source, loop, last),
                )
            )
            continue
        if not (
            isinstance(last, ast.If)
            and last.orelse
            and isinstance(last.body[-1], ast.Return)
            and isinstance(last.orelse[-1], ast.Return)
        ):
            continue
        findings.append(
            Finding(
                kind="return_in_first_iteration",
                line=last.lineno,
                message=(
                    f"Line {last.lineno}: both branches of this `if` return, so the loop on "
                    f"line {loop.lineno} stops after its first item."
                ),
                why="`return` leaves the whole function at once, loop included.",
                how=(
                    "Return early only when you have found the answer; put the other "
                    "`return` after the loop, once every item has been checked."
                ),
                topic="loops",
            )
        )
    return findings


def check_infinite_loops(source: Source) -> list[Finding]:
    return [
        Finding(
            kind="infinite_loop",
            line=suspect.line,
            message=f"Line {suspect.line}: {suspect.reason}",
            why="A `while` loop only stops when its condition becomes false (or on `break`).",
            how="Make sure each pass moves the loop variable toward the stopping condition.",
            topic="loops",
            solution=suspect.solution,
            subject=suspect.variable,
        )
        for suspect in infinite_loops(source)
        if suspect.is_while  # growing `for` loops are reported as mutation while iterating
    ]

"""Locating the cause of wrong output by trying small edits, each verified by a run.

When a program runs cleanly but prints the wrong thing, static checks often have nothing to
say (`range(1, 5)` is fine Python). So the slips beginners make most at a single token - a
range bound off by one, `<` where `<=` was meant, `//` for `/` - are applied one at a time and
run in the sandbox with the same stdin. The first edit whose output matches the expected
output marks the line at fault, and is by construction a verified correction.
"""

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.models import CodeRunner
from serve_app.domain.debug.output_diff import compare_output
from serve_app.domain.debug.source import Source, parses
from serve_app.domain.topics import Topic

# Every candidate costs one sandbox run; beyond this many the search is not worth the wait.
MAX_CANDIDATES = 12

_FLIPPED: dict[type[ast.cmpop], str] = {ast.Lt: "<=", ast.LtE: "<", ast.Gt: ">=", ast.GtE: ">"}


@dataclass(frozen=True)
class Repair:
    line: int
    before: str  # the code as written, e.g. "range(1, 5)"
    after: str  # the edit that makes the output right, e.g. "range(1, 6)"
    solution: str
    topic: Topic


async def find_repair(
    source: Source, runner: CodeRunner, *, stdin: str, expected: str
) -> Repair | None:
    for repair in _candidates(source):
        execution = await runner.execute(repair.solution, stdin=stdin)
        if execution.status == "ok" and compare_output(execution.stdout, expected) is None:
            return repair
    return None


def _candidates(source: Source) -> Iterator[Repair]:
    seen: set[str] = set()
    count = 0
    for node, replacement, topic in _edits(source):
        solution = replace_node(source.code, node, replacement)
        if solution in seen or solution == source.code or not parses(solution):
            continue
        seen.add(solution)
        yield Repair(
            line=getattr(node, "lineno", 1),
            before=source.segment(node),
            after=replacement,
            solution=solution,
            topic=topic,
        )
        count += 1
        if count >= MAX_CANDIDATES:
            return


def _edits(source: Source) -> Iterator[tuple[ast.AST, str, Topic]]:
    """(node, replacement text, topic) triples, in source order."""
    edits: list[tuple[ast.AST, str, Topic]] = []
    for call in source.nodes(ast.Call):
        if isinstance(call.func, ast.Name) and call.func.id == "range" and 1 <= len(call.args) <= 3:
            stop = call.args[1] if len(call.args) >= 2 else call.args[0]
            edits += [(stop, text, "loops") for text in _bounds(source, stop)]
    in_while_tests = {id(node) for loop in source.nodes(ast.While) for node in ast.walk(loop.test)}
    for compare in source.nodes(ast.Compare):
        # A while condition edited the wrong way can loop until the time limit: not worth it.
        if len(compare.ops) != 1 or id(compare) in in_while_tests:
            continue
        flipped = _FLIPPED.get(type(compare.ops[0]))
        if flipped is not None:
            left, right = source.segment(compare.left), source.segment(compare.comparators[0])
            edits.append((compare, f"{left} {flipped} {right}", "conditionals"))
    for division in source.nodes(ast.BinOp):
        if isinstance(division.op, ast.FloorDiv):
            left, right = source.segment(division.left), source.segment(division.right)
            edits.append((division, f"{left} / {right}", "variables"))
    edits.sort(key=lambda edit: (getattr(edit[0], "lineno", 0), getattr(edit[0], "col_offset", 0)))
    yield from edits


def _bounds(source: Source, stop: ast.expr) -> list[str]:
    """A range's stop moved one step either way."""
    if isinstance(stop, ast.Constant) and isinstance(stop.value, int):
        return [str(stop.value + 1), str(stop.value - 1)]
    text = source.segment(stop)
    if isinstance(stop, ast.BinOp) and isinstance(stop.right, ast.Constant):
        # `len(xs) - 1` is more likely meant as `len(xs)` than `len(xs) - 1 + 1`.
        return [source.segment(stop.left), f"{text} + 1", f"{text} - 1"]
    return [f"{text} + 1", f"{text} - 1"]

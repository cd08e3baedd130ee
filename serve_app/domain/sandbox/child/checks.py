"""Child side: compile the hidden tests, and explain a failing one without revealing it.

A failure message may quote the failing assert statement (and nothing else of the test)
and, where the assert compares two values, what the student's side evaluated to.
"""

from __future__ import annotations

from serve_app.domain.sandbox.child.report import (
    TEST_FILE,
    class_name,
    exception_message,
    forget_traceback,
    plain,
    short_repr,
    traceback_entries,
)

# Typing names are imported for the type checker only: `typing` and `collections.abc`
# cost the child about a third of its start-up (see infra/bench/sandbox.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import ast
    from typing import Any, TypeAlias

    # (name, code object or the reason it is unusable, {line: {"text": ..., "shown": name}})
    CompiledTest: TypeAlias = tuple[str, Any, dict[int, dict[str, Any]]]

MAX_ASSERT_TEXT = 200


def _capture_operands(tree: ast.Module, index: int, asserts: dict[int, dict[str, Any]]) -> None:
    """Rewrite each top-level `assert a <op> b` to bind a and b to private names first."""
    import ast

    body: list[ast.stmt] = []
    for position, statement in enumerate(tree.body):
        if not isinstance(statement, ast.Assert):
            body.append(statement)
            continue
        test = statement.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            body.append(statement)
            continue
        left_name = f"__learnflow_left_{index}_{position}"
        right_name = f"__learnflow_right_{index}_{position}"
        # Report the side that is not a literal: that is what the student's code produced.
        left_is_literal = isinstance(test.left, ast.Constant)
        right_is_literal = isinstance(test.comparators[0], ast.Constant)
        shown = right_name if left_is_literal and not right_is_literal else left_name
        asserts[statement.lineno]["shown"] = shown
        rewritten = [
            ast.Assign([ast.Name(left_name, ast.Store())], test.left),
            ast.Assign([ast.Name(right_name, ast.Store())], test.comparators[0]),
            ast.Assert(
                ast.Compare(
                    ast.Name(left_name, ast.Load()), test.ops, [ast.Name(right_name, ast.Load())]
                ),
                statement.msg,
            ),
        ]
        for new in rewritten:
            ast.copy_location(new, statement)
            ast.fix_missing_locations(new)
            body.append(new)
    tree.body = body


def compile_tests(tests: list[tuple[str, str]]) -> list[CompiledTest]:
    import ast

    compiled: list[CompiledTest] = []
    for index, (name, source) in enumerate(tests):
        try:
            tree = ast.parse(source, TEST_FILE, "exec")
            asserts: dict[int, dict[str, Any]] = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.Assert):
                    text = " ".join((ast.get_source_segment(source, node) or "").split())
                    asserts[node.lineno] = {"text": text[:MAX_ASSERT_TEXT], "shown": None}
            _capture_operands(tree, index, asserts)
            code = compile(tree, TEST_FILE, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError) as error:
            compiled.append((name, f"the test itself is invalid: {error}", {}))
            continue
        compiled.append((name, code, asserts))
    return compiled


def failure_message(
    error: BaseException,
    asserts: dict[int, dict[str, Any]],
    scope: dict[str, Any],
    trusted: set[int],
) -> str:
    lines = [entry[1] for entry in traceback_entries(error, trusted) if entry[0] == TEST_FILE]
    forget_traceback(error)
    info = asserts.get(lines[-1]) if lines else None
    text = info["text"] if info else ""
    if type(error) is AssertionError:
        detail = exception_message(error) if error.args else ""
        if not detail and info and info["shown"] in scope:
            detail = "got " + short_repr(scope[info["shown"]])
        head = text or "assertion"
        return plain(f"{head} failed: {detail}" if detail else f"{head} failed")
    message = exception_message(error)
    described = f"{class_name(error)}: {message}" if message else class_name(error)
    if text:
        described += f" (while checking `{text}`)"
    return plain(described)

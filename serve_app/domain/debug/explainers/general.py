"""Situations that are not a single exception message: deliberate raises, assertions,
timeouts, memory exhaustion, and the catch-all for anything else."""

import ast
import re

from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains, lineage
from serve_app.domain.debug.loops import infinite_loops, timeout_suspects


@explains(first=True)
def deliberate_raise(context: Context, match: re.Match[str]) -> Explanation | None:
    """The student's own `raise X(...)` fired: explain the condition, not the exception."""
    statement = context.source.statement_at(context.line)
    if not isinstance(statement, ast.Raise) or statement.exc is None:
        return None
    if context.problem.type == "NotImplementedError":
        return None  # a placeholder left for the student, explained on its own
    guard = context.source.parent(statement)
    condition = (
        f" It runs because the condition {code(context.source.segment(guard.test))} was true."
        if isinstance(guard, ast.If)
        else ""
    )
    kind = context.problem.type
    message = f": {context.problem.message}" if context.problem.message else ""
    return Explanation(
        summary=(
            f"**{kind}** on {context.where}: your own code raises this error on purpose"
            f"{message}.{condition}"
        ),
        hints=(
            f"{context.at} is a `raise` statement in your program.",
            "The error is not a Python mistake: your code decided the situation was invalid."
            + condition,
            "Check the values that reached this point; if the situation is expected, handle "
            "it with `try: ... except ...:` where you call this code.",
        ),
        topic="exceptions",
    )


@explains("AssertionError")
def failed_assertion(context: Context, match: re.Match[str]) -> Explanation | None:
    statement = context.source.statement_at(context.line)
    test = (
        code(context.source.segment(statement.test)) if isinstance(statement, ast.Assert) else None
    )
    values = ""
    if isinstance(statement, ast.Assert):
        names = sorted({n.id for n in ast.walk(statement.test) if isinstance(n, ast.Name)})
        shown = [
            f"{code(name)} = {code(context.values.repr_of(name))}"
            for name in names
            if context.values.repr_of(name) is not None
        ]
        if shown:
            values = " At that moment " + ", ".join(shown) + "."
    message = f" Its message: {code(context.problem.message)}." if context.problem.message else ""
    checked_text = f"the check {test}" if test else "an `assert` check"
    return Explanation(
        summary=(
            f"**AssertionError** on {context.where}: {checked_text} was false.{message}{values}"
        ),
        hints=(
            f"{context.at} asserts something that turned out to be false.",
            f"`assert` stops the program when its condition is false.{values or message}",
            "Work out what value the condition expected and trace back where the actual "
            "value was computed (add `print()` calls before the assert).",
        ),
        topic="exceptions",
    )


@explains("Timeout")
def timed_out(context: Context, match: re.Match[str]) -> Explanation | None:
    suspects = timeout_suspects(context.source)
    suspect = next(
        (s for s in suspects if s.line == context.line), suspects[0] if suspects else None
    )
    repeated = ""
    lines = context.stdout.splitlines()
    if len(lines) > 20 and len(set(lines[-20:])) <= 2:
        repeated = f" Its output kept repeating {code(lines[-1])}."
    if suspect is None:
        return Explanation(
            summary=(
                "**Timeout**: the program did not finish in time - probably a loop that "
                f"never ends, or a computation far bigger than intended.{repeated}"
            ),
            hints=(
                "Your program ran until the time limit without finishing.",
                "Look at each loop: what makes it stop, and does every pass get closer to that?",
                "Make sure `while` conditions eventually become false (update the loop "
                "variable) and that huge ranges or recursion are really intended.",
            ),
            topic="loops",
        )
    return Explanation(
        summary=(
            f"**Timeout**: probably an infinite loop on line {suspect.line}. "
            f"{suspect.reason}{repeated}"
        ),
        hints=(
            f"The loop on line {suspect.line} (`{suspect.code}`) never finishes.",
            suspect.reason,
            suspect.how,
        ),
        topic="loops",
        solution=checked(context, suspect.solution),
    )


@explains("MemoryError")
def out_of_memory(context: Context, match: re.Match[str]) -> Explanation | None:
    suspects = infinite_loops(context.source)
    growing = next((s for s in suspects if not s.is_while), None)
    cause = (
        f" {growing.reason}"
        if growing
        else " Usually a list or string keeps growing inside a loop that never ends."
    )
    return Explanation(
        summary=f"**MemoryError**: the program used more memory than allowed.{cause}",
        hints=(
            "Your program ran out of memory"
            + (f" - look at line {growing.line}." if growing else "."),
            cause.strip(),
            "Make sure loops end, don't add to a list while looping over it, and avoid "
            "building huge lists (use `range()` or generators).",
        ),
        topic="loops",
        solution=checked(context, growing.solution) if growing else None,
    )


def generic(context: Context) -> Explanation:
    """The last resort for exceptions no explainer claims."""
    kind = context.problem.type
    message = f": {context.problem.message}" if context.problem.message else ""
    own = kind in context.source.classes
    family = [name for name in lineage(kind)[1:] if name != "Exception"]
    is_a = f" (a kind of `{family[0]}`)" if family else ""
    where = f"{context.where}" if context.line else "your program"
    return Explanation(
        summary=(
            f"**{kind}**{is_a} on {where}{message}."
            + (f" `{kind}` is an exception class defined in your own code." if own else "")
        ),
        hints=(
            f"{context.at} raised `{kind}`.",
            f"Python's message says{message or ' nothing more'}; read it alongside the "
            "values of the variables used on that line.",
            "Print the values used on that line just before it runs, compare them with what "
            "you expected, and handle the situation (or catch it with `try`/`except`).",
        ),
        topic="exceptions",
    )


@explains("NotImplementedError")
def not_implemented(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**NotImplementedError** on {context.where}: this part of the code is a "
            "placeholder that was never filled in."
        ),
        hints=(
            f"{context.at} reached code marked as *not written yet*.",
            "`raise NotImplementedError` is how starter code marks a function you are meant "
            "to complete (or a method a subclass must provide).",
            "Replace the `raise NotImplementedError` with your own implementation.",
        ),
        topic="functions",
    )

"""Short, specific, encouraging feedback on a graded submission, in markdown."""

from collections.abc import Sequence

from serve_app.domain.exercises.models import ExerciseSpec
from serve_app.domain.sandbox.models import ExceptionInfo, GradeReport, TestResult

_MAX_MESSAGE = 300
_MAX_LISTED = 3

# What the failure message reveals beats what the test is about: a function that returns
# None fails every case for the same reason.
_MESSAGE_NUDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("nonetype", "none ==", "got none"),
        "Your function seems to give back `None`: did you forget a `return` statement, "
        "or leave the starter's `pass` in place?",
    ),
    (
        ("attributeerror",),
        "An attribute is missing: store every value on `self` in `__init__`.",
    ),
)
# Keyword in the failing test's name -> nudge; the first match wins. Test names in the bank
# describe the case ("handles empty list"), which is what makes these matches meaningful.
_NAME_NUDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("raise",),
        "This case expects an exception for bad input: check for it and "
        "`raise ValueError(...)` (or the error the prompt names) yourself.",
    ),
    (
        ("empty",),
        "What should happen with empty input? Try that call by hand and make sure it returns "
        "the value the prompt asks for.",
    ),
    (
        ("negative",),
        "Try a negative number by hand and follow each step (in Python, `//` and `%` round "
        "towards minus infinity).",
    ),
    (
        ("unicode", "accented"),
        "Text beyond plain ASCII (é, 日本, 🙂) must work too; for files, open them with "
        '`encoding="utf-8"`.',
    ),
    (
        ("does not change", "not modified", "new lists", "new vectors"),
        "Build a new result instead of modifying what you were given.",
    ),
    (
        ("order",),
        "The values may be right but in the wrong order: re-read how the prompt orders them.",
    ),
)
_DEFAULT_NUDGE = (
    "Re-read the prompt for this case, then call your function on it and `print` the result."
)


def feedback_for(report: GradeReport, spec: ExerciseSpec) -> str:
    """Markdown feedback for the student: what went well, what to look at first, and a nudge."""
    if report.status == "passed":
        return _passed(report, spec)
    if report.status == "timeout":
        return _with_progress(
            report,
            "**Your code ran out of time.** That is usually an infinite loop: check that every "
            "`while` loop changes what its condition tests, and that every recursive call gets "
            "closer to its base case.",
        )
    if report.status == "memory_limit":
        return _with_progress(
            report,
            "**Your code used too much memory.** Something keeps growing: a list appended to in a "
            "loop that never ends, or a huge list where a running total or a generator would do.",
        )
    if report.status == "rejected":
        detail = f" ({_clean(report.error.message)})" if report.error else ""
        return (
            f"**The sandbox refused to run this code**{detail}. Submissions must be plain Python "
            "that uses only the standard library, with no network or subprocesses."
        )
    if report.status == "error" and report.error is not None:
        return _crashed(report.error)
    return _failed(report)


def _passed(report: GradeReport, spec: ExerciseSpec) -> str:
    if spec.difficulty == "hard":
        next_step = f"That was a hard one: you are ready for a new topic after *{spec.topic}*."
    else:
        next_step = f"Ready for a harder *{spec.topic}* exercise?"
    return f"**All {report.total} tests passed** — well done on *{spec.title}*! {next_step}"


def _failed(report: GradeReport) -> str:
    lines = [f"You passed **{report.passed} of {report.total}** tests."]
    passing = [r.name for r in report.results if r.passed]
    if passing:
        shown = ", ".join(passing[:_MAX_LISTED])
        more = len(passing) - _MAX_LISTED
        lines.append(f"Good: {shown}" + (f" and {more} more." if more > 0 else "."))
    failing = next((r for r in report.results if not r.passed), None)
    if failing is None:
        lines.append(_DEFAULT_NUDGE)
        return "\n\n".join(lines)
    message = f": `{_clean(failing.message)}`" if failing.message.strip() else ""
    lines.append(f"First to fix: **{failing.name}**{message}")
    lines.append(_nudge(failing))
    return "\n\n".join(lines)


def _crashed(error: ExceptionInfo) -> str:
    where = f" on line {error.line}" if error.line else ""
    text = f"`{error.type}: {_clean(error.message)}`" if error.message else f"`{error.type}`"
    if error.type in ("SyntaxError", "IndentationError", "TabError"):
        return (
            f"Python could not read your code: {text}{where}. Look at that line and the one "
            "before it for a missing colon, bracket or quote, or inconsistent indentation."
        )
    if error.type == "NameError":
        hint = "Check the spelling of that name and that it is defined before it is used."
    elif error.type in ("ImportError", "ModuleNotFoundError"):
        hint = "Only the Python standard library is available here."
    else:
        hint = "Read the message and the line it points at; then try that code on its own."
    return f"Your code raised {text}{where} before any test could run. {hint}"


def _with_progress(report: GradeReport, text: str) -> str:
    if report.results and report.passed:
        return f"{text}\n\n({report.passed} of {report.total} tests passed before that.)"
    return text


def _nudge(result: TestResult) -> str:
    for text, table in ((result.message, _MESSAGE_NUDGES), (result.name, _NAME_NUDGES)):
        for keywords, nudge in table:
            if any(keyword in text.lower() for keyword in keywords):
                return nudge
    return _DEFAULT_NUDGE


def _clean(message: str) -> str:
    """One line, bounded, with no backticks to break the markdown code span."""
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    first_line = first_line.replace("`", "'")
    if len(first_line) > _MAX_MESSAGE:
        return first_line[: _MAX_MESSAGE - 1] + "…"
    return first_line


def with_quality_note(feedback: str, status: str, findings: Sequence[tuple[int, str]]) -> str:
    """Feedback plus the first code-quality finding, once the code passes: correctness first."""
    if status != "passed" or not findings:
        return feedback
    line, message = findings[0]
    more = f" ({len(findings) - 1} more in `quality`)" if len(findings) > 1 else ""
    return f"{feedback}\n\nOne thing to tidy up, on line {line}: {_clean(message)}{more}"

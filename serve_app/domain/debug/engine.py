"""The Debug engine: from a student's code (and maybe their error text) to a diagnosis.

Order of evidence: a syntax error found by compiling beats everything (it is exact and
needs no run); then the error text the student pasted; otherwise the code is run once in
the sandbox. Static findings are computed whenever the code parses.
"""

from serve_app.domain.debug.explainers import Context, Explanation, explain, generic
from serve_app.domain.debug.logic_slips import Finding, find_logic_slips
from serve_app.domain.debug.loops import infinite_loops, timeout_suspects
from serve_app.domain.debug.models import CodeRunner, DebugRequest, Diagnosis, Problem
from serve_app.domain.debug.output_diff import compare_output
from serve_app.domain.debug.output_search import Repair, find_repair
from serve_app.domain.debug.source import Source, parses
from serve_app.domain.debug.syntax import as_problem, syntax_error
from serve_app.domain.debug.traceback_text import parse_error_text
from serve_app.domain.sandbox.models import Execution

TIMEOUT_MESSAGE = "the program did not finish within the time limit"
MEMORY_MESSAGE = "the program used more memory than allowed"


async def diagnose(request: DebugRequest, runner: CodeRunner) -> Diagnosis:
    source = Source(request.code)
    error = syntax_error(request.code)
    if error is not None:
        return _diagnosis(source, as_problem(error), (), request)

    findings = find_logic_slips(source)
    pasted = parse_error_text(request.error, source) if request.error else None
    if pasted is not None and pasted.line is not None:
        return _diagnosis(source, pasted, findings, request)

    execution = await runner.execute(request.code, stdin=request.stdin)
    if pasted is not None and not _reproduces(execution, pasted):
        # The pasted error has no location and this run did not reproduce it (other
        # input, perhaps): explain what the student saw, without a line.
        return _diagnosis(source, pasted, findings, request)
    return await _from_execution(source, execution, findings, request, runner)


def _reproduces(execution: Execution, pasted: Problem) -> bool:
    return execution.exception is not None and execution.exception.type == pasted.type


async def _from_execution(
    source: Source,
    execution: Execution,
    findings: tuple[Finding, ...],
    request: DebugRequest,
    runner: CodeRunner,
) -> Diagnosis:
    if execution.status == "timeout":
        suspects = timeout_suspects(source)
        line = suspects[0].line if suspects else None
        problem = Problem(type="Timeout", message=TIMEOUT_MESSAGE, line=line)
        return _diagnosis(source, problem, findings, request, stdout=execution.stdout)
    if execution.exception is not None and execution.status != "ok":
        info = execution.exception
        problem = Problem(
            type=info.type,
            message=info.message,
            line=info.line,
            column=info.column,
            locals=dict(info.locals),
        )
        return _diagnosis(source, problem, findings, request, stdout=execution.stdout)
    if execution.status == "memory_limit":
        growing = [s for s in infinite_loops(source) if not s.is_while]
        problem = Problem(
            type="MemoryError", message=MEMORY_MESSAGE, line=growing[0].line if growing else None
        )
        return _diagnosis(source, problem, findings, request)
    if execution.status == "rejected":
        return _rejected(execution, findings)
    if execution.status == "error":
        from_stderr = parse_error_text(execution.stderr, source) if execution.stderr else None
        problem = from_stderr or Problem(
            type="SystemExit",
            message=f"the program stopped with exit code {execution.exit_code}",
            line=None,
        )
        return _diagnosis(source, problem, findings, request, stdout=execution.stdout)
    if request.expected_output is not None:
        mismatch = compare_output(execution.stdout, request.expected_output)
        if mismatch is not None:
            repair = await _locate_wrong_output(source, findings, request, runner)
            return _wrong_output(source, mismatch.description, mismatch.diff, findings, repair)
    if findings:
        return _logic_slip(source, findings)
    return _no_error(execution, findings)


def _diagnosis(
    source: Source,
    problem: Problem,
    findings: tuple[Finding, ...],
    request: DebugRequest,
    stdout: str = "",
) -> Diagnosis:
    context = Context(
        source=source, problem=problem, findings=findings, stdin=request.stdin, stdout=stdout
    )
    explanation = explain(context) or generic(context)
    return _assemble(problem, explanation, findings, source)


def _assemble(
    problem: Problem, explanation: Explanation, findings: tuple[Finding, ...], source: Source
) -> Diagnosis:
    return Diagnosis(
        error_type=problem.type,
        line=problem.line,
        column=problem.column,
        message=problem.message,
        summary=explanation.summary,
        hints=explanation.hints,
        solution=_verified(explanation.solution, source),
        topic=explanation.topic,
        findings=tuple(f.message for f in findings),
    )


def _verified(solution: str | None, source: Source) -> str | None:
    """Never hand out a "solution" that does not even parse or changes nothing."""
    if solution is None or solution == source.code or not parses(solution):
        return None
    return solution


def _logic_slip(source: Source, findings: tuple[Finding, ...]) -> Diagnosis:
    primary = findings[0]
    others = findings[1:]
    also = "".join(f"\n- {f.message}" for f in others)
    summary = (
        f"**Logic slip** on line {primary.line}: your program runs without an error, but "
        f"probably does not do what you intend. {_capitalised(primary.message.split(': ', 1)[-1])}"
    )
    if also:
        summary += f"\n\nAlso worth checking:{also}"
    return Diagnosis(
        error_type="LogicSlip",
        line=primary.line,
        column=None,
        message=primary.message,
        summary=summary,
        hints=(
            f"No error is raised, but look closely at line {primary.line} "
            f"(`{source.line(primary.line).strip()}`): it does not do what it seems to.",
            f"{primary.message} {primary.why}",
            primary.how,
        ),
        solution=_verified(primary.solution, source),
        topic=primary.topic,
        findings=tuple(f.message for f in findings),
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


async def _locate_wrong_output(
    source: Source, findings: tuple[Finding, ...], request: DebugRequest, runner: CodeRunner
) -> Repair | Finding | None:
    """The finding whose fix prints the expected output, else a verified small edit."""
    assert request.expected_output is not None
    for finding in findings:
        if finding.solution is None:
            continue
        run = await runner.execute(finding.solution, stdin=request.stdin)
        if run.status == "ok" and compare_output(run.stdout, request.expected_output) is None:
            return finding
    repair = await find_repair(
        source, runner, stdin=request.stdin, expected=request.expected_output
    )
    return repair or (findings[0] if findings else None)


def _wrong_output(
    source: Source,
    description: str,
    diff: str,
    findings: tuple[Finding, ...],
    cause: Repair | Finding | None,
) -> Diagnosis:
    if isinstance(cause, Repair):
        return _repaired_output(source, description, diff, findings, cause)
    primary = cause
    summary = (
        "**Wrong output**: the program runs without errors, but its output is not what was "
        f"expected - {description}.\n\n```diff\n{diff}\n```"
    )
    if primary is not None:
        summary += f"\n\nA likely cause: {primary.message}"
    return Diagnosis(
        error_type="WrongOutput",
        line=primary.line if primary else None,
        column=None,
        message=description,
        summary=summary,
        hints=(
            f"Compare the outputs: {description}.",
            f"{primary.message} {primary.why}"
            if primary
            else "Trace how that output line is produced: which variables feed it, and what "
            "values do they hold at that moment? Add `print()` calls to check.",
            primary.how
            if primary
            else "Check loop bounds (off-by-one), conditions, rounding, and the exact text "
            "you print - spaces, punctuation and `print(..., sep=..., end=...)` all count.",
        ),
        solution=_verified(primary.solution, source) if primary else None,
        topic=primary.topic if primary else "variables",
        findings=tuple(f.message for f in findings),
    )


def _no_error(execution: Execution, findings: tuple[Finding, ...]) -> Diagnosis:
    printed = execution.stdout.strip()
    shown = f" It printed:\n\n```\n{printed[:500]}\n```" if printed else " It printed nothing."
    return Diagnosis(
        error_type="NoError",
        line=None,
        column=None,
        message="",
        summary=f"**No error**: your program ran to the end without raising an exception.{shown}",
        hints=(
            "The program runs without errors.",
            "If the result is not what you expected, share the expected output so it can be "
            "compared with what your program prints.",
            "Try your program with several different inputs, including edge cases like 0, "
            "an empty list or an empty string.",
        ),
        solution=None,
        topic="variables",
        findings=tuple(f.message for f in findings),
    )


def _rejected(execution: Execution, findings: tuple[Finding, ...]) -> Diagnosis:
    reason = (
        execution.exception.message
        if execution.exception is not None
        else execution.stderr.strip() or "the code uses something the sandbox does not allow"
    )
    return Diagnosis(
        error_type="Rejected",
        line=execution.exception.line if execution.exception else None,
        column=None,
        message=reason,
        summary=(
            "**Not run**: the sandbox refused to run this code because it uses something "
            f"that is not allowed for safety reasons: {reason}"
        ),
        hints=(
            "The code was not run at all.",
            f"The sandbox blocks things like network access, system commands and very large "
            f"programs. Reason given: {reason}",
            "Solve the task with plain Python and the safe standard-library modules "
            "(`math`, `random`, `string`, ...).",
        ),
        solution=None,
        topic="modules",
        findings=tuple(f.message for f in findings),
    )


def _repaired_output(
    source: Source, description: str, diff: str, findings: tuple[Finding, ...], repair: Repair
) -> Diagnosis:
    shown = source.line(repair.line).strip()
    return Diagnosis(
        error_type="WrongOutput",
        line=repair.line,
        column=None,
        message=description,
        summary=(
            "**Wrong output**: the program runs without errors, but its output is not what was "
            f"expected - {description}.\n\n```diff\n{diff}\n```\n\nThe cause is on line "
            f"{repair.line} (`{shown}`): with a one-character change there, the program prints "
            "exactly the expected output."
        ),
        hints=(
            f"Compare the outputs: {description}. Look closely at line {repair.line}: `{shown}`.",
            f"`{repair.before}` on line {repair.line} is off by a little: a boundary (a range "
            "end, `<` versus `<=`) or a kind of division that is one step away from what the "
            "task needs.",
            "Check the boundaries by hand: which values should the first and the last pass "
            "use, and should the limit itself be included? `range(a, b)` stops before `b`; `<` "
            "excludes the limit and `<=` includes it; `//` drops the fraction and `/` keeps it.",
        ),
        solution=_verified(repair.solution, source),
        topic=repair.topic,
        findings=tuple(f.message for f in findings),
    )

"""A small local grader for the bank's own tests: runs code in a child Python, reports JSON.

It is not a sandbox: it only runs the bank's reference solutions and starter code, which we
wrote, to prove that every hidden test can pass and can fail.
"""

import json
import subprocess
import sys
from dataclasses import dataclass

from serve_app.domain.exercises.models import ExerciseSpec

_RUNNER = r"""
import ast, contextlib, io, json, os, sys, tempfile, traceback

job = json.load(sys.stdin)
real_stdout = sys.stdout


def run_phase(source, tests, examples):
    os.chdir(tempfile.mkdtemp())
    namespace = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, "<code>", "exec"), namespace)
    except BaseException as exc:
        failure = f"code failed to load: {type(exc).__name__}: {exc}"
        return {"tests": [[t["name"], False, failure] for t in tests], "examples": []}
    results = []
    for test in tests:
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(test["code"], "<test>", "exec"), dict(namespace))
            results.append([test["name"], True, ""])
        except BaseException as exc:
            results.append([test["name"], False, f"{type(exc).__name__}: {exc}"])
    checked = []
    shared = dict(namespace)
    for example in examples:
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                value = eval(example["call"], shared)
        except BaseException as exc:
            checked.append([example["call"], False, f"{type(exc).__name__}: {exc}"])
            continue
        expected = example["result"]
        if printed.getvalue():
            got = printed.getvalue().rstrip("\n")
            checked.append([example["call"], got == expected, got])
            continue
        ok = repr(value) == expected
        if not ok:
            try:
                literal = ast.literal_eval(expected)
                ok = type(literal) is type(value) and literal == value
            except (ValueError, SyntaxError):
                pass
        checked.append([example["call"], ok, repr(value)])
    return {"tests": results, "examples": checked}


report = {
    "solution": run_phase(job["solution"], job["tests"], job["examples"]),
    "starter": run_phase(job["starter"], job["tests"], []),
}
real_stdout.write(json.dumps(report))
"""


@dataclass(frozen=True)
class Outcome:
    name: str
    passed: bool
    message: str


@dataclass(frozen=True)
class ExerciseCheck:
    """How the reference solution and the starter code fare against an exercise's tests."""

    solution_tests: tuple[Outcome, ...]
    starter_tests: tuple[Outcome, ...]
    examples: tuple[Outcome, ...]  # name is the call, message what it gave


def check_exercise(spec: ExerciseSpec, timeout: float = 60.0) -> ExerciseCheck:
    job = {
        "solution": spec.solution,
        "starter": spec.starter_code,
        "tests": [{"name": t.name, "code": t.code} for t in spec.tests],
        "examples": [{"call": e.call, "result": e.result} for e in spec.examples],
    }
    # -I: no user site, no PYTHON* variables, no cwd on sys.path — a clean interpreter.
    completed = subprocess.run(
        [sys.executable, "-I", "-c", _RUNNER],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"harness crashed for {spec.exercise_id}: {completed.stderr}")
    report = json.loads(completed.stdout)

    def outcomes(rows: list[list[object]]) -> tuple[Outcome, ...]:
        return tuple(Outcome(str(n), bool(p), str(m)) for n, p, m in rows)

    return ExerciseCheck(
        solution_tests=outcomes(report["solution"]["tests"]),
        starter_tests=outcomes(report["starter"]["tests"]),
        examples=outcomes(report["solution"]["examples"]),
    )

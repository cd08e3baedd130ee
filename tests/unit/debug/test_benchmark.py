"""The benchmark programs: their labels are what CPython reports, and the engine meets its target.

Runs every program in infra/bench/data/debug_programs through the real sandbox, as
`make bench-debug` does (with shorter limits, so time-outs cost a second each).
"""

import asyncio
import importlib.util
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

from serve_app.domain.sandbox import Sandbox, SandboxLimits
from tests.unit.debug.fakes import observe

BENCH_SCRIPT = Path(__file__).resolve().parents[3] / "infra" / "bench" / "debug.py"
# Labels that are not exception names: situations the engine reports itself.
SITUATIONS = {"Timeout", "WrongOutput", "LogicSlip"}


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_debug", BENCH_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
PROGRAMS = bench.load_programs()


def test_the_set_is_large_and_varied() -> None:
    assert len(PROGRAMS) >= 45
    assert len({p.category for p in PROGRAMS}) >= 12
    assert sum(bool(p.request.stdin) for p in PROGRAMS) >= 5
    assert sum(p.request.error is not None for p in PROGRAMS) >= 5
    assert sum(p.request.expected_output is not None for p in PROGRAMS) >= 5
    assert all(p.line is not None for p in PROGRAMS)


def test_exception_labels_are_what_cpython_reports() -> None:
    runnable = [p for p in PROGRAMS if p.error_type != "Timeout"]
    observed = observe([(p.request.code, p.request.stdin) for p in runnable])
    for program, seen in zip(runnable, observed, strict=True):
        if program.error_type in SITUATIONS:
            assert seen is None, (program.name, seen)
        elif program.error_type in {"SyntaxError", "IndentationError", "TabError"}:
            assert seen is not None, program.name
            assert seen["type"] == program.error_type, program.name
            assert _syntax_error_line(program.request.code) == program.line, program.name
        else:
            assert seen is not None, program.name
            assert (seen["type"], seen["line"]) == (program.error_type, program.line), program.name


def _syntax_error_line(code: str) -> int | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(code, "main.py", "exec")
    except SyntaxError as error:
        return error.lineno
    return None


@pytest.fixture(scope="module")
def outcomes() -> list[object]:
    sandbox = Sandbox(SandboxLimits(cpu_seconds=1.0, wall_seconds=2.0))
    return list(asyncio.run(bench.run_all(PROGRAMS, sandbox, concurrency=2)))


def test_diagnosis_meets_the_accuracy_target(outcomes: list[object]) -> None:
    accuracy = bench.accuracy(outcomes)
    misses = [o for o in outcomes if not o.exact]  # type: ignore[attr-defined]
    assert accuracy >= bench.TARGET, bench.report(misses, "test")
